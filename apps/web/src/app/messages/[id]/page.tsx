import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Thread } from "@/components/messages/thread.tsx";
import { requireUser } from "@/lib/session.ts";

export const metadata: Metadata = { title: "Conversation" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/messages/${id}`);
  if (!uuid.test(id)) notFound();
  return <Thread conversationId={id} myId={user.id} />;
}
