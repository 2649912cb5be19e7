import type { Metadata } from "next";
import { InboxList } from "@/components/messages/inbox-list.tsx";
import { requireUser } from "@/lib/session.ts";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requireUser("/messages");
  return (
    <>
      <header className="page-header">
        <h1>Inbox</h1>
        <p>Your conversations with hosts and guests.</p>
      </header>
      <InboxList myId={user.id} />
    </>
  );
}
