import type { Metadata } from "next";
import { Mailbox } from "./mailbox.tsx";

export const metadata: Metadata = { title: "Dev mailbox" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const { to } = await searchParams;
  return (
    <>
      <header className="page-header">
        <h1>Dev mailbox</h1>
        <p>Mail the workers would have sent, kept in the local database. Only in development.</p>
      </header>
      <Mailbox to={to?.trim() || null} />
    </>
  );
}
