import type { Metadata } from "next";
import { requireUser } from "@/lib/session.ts";
import { PreferencesForm } from "./preferences-form.tsx";
import { PushOptIn } from "./push-opt-in.tsx";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  await requireUser("/account/notifications");
  return (
    <>
      <header className="page-header">
        <h1>Notification settings</h1>
        <p>What we tell you about, on which channel, and when to keep quiet.</p>
      </header>
      <PreferencesForm />
      <PushOptIn />
    </>
  );
}
