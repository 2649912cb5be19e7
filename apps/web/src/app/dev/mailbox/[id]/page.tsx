import type { Metadata } from "next";
import { MailMessage } from "./mail-message.tsx";

export const metadata: Metadata = { title: "Dev mailbox" };

export default async function MailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MailMessage id={id} />;
}
