import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/session.ts";
import { NotificationList } from "./notification-list.tsx";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  await requireUser("/notifications");
  return (
    <div className="page stack">
      <header className="page-header">
        <h1>Notifications</h1>
        <p>
          Messages, booking updates and account notices. Choose how you hear about them in{" "}
          <Link href="/account/notifications">notification settings</Link>.
        </p>
      </header>
      <NotificationList />
    </div>
  );
}
