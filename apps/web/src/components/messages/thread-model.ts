/**
 * The thread as the page holds it: messages by seq, each once, whatever mix of first page, live
 * room deliveries, catch-up pages after a reconnect and send answers brought them in. Pure, so
 * the ordering rules are unit-tested (thread-model.test.ts).
 */

export type ThreadAttachment = {
  key: string;
  contentType: string;
  width?: number;
  height?: number;
  url?: string;
};

export type ThreadMessage = {
  id: string;
  seq: number;
  senderId: string;
  body: string;
  masked: boolean;
  attachments: ThreadAttachment[];
  createdAt: string;
};

/** A message typed here and not yet stored; shown greyed until the send answers. */
export type PendingMessage = { clientId: string; body: string; failed: boolean };

/** Adds messages, keeping seq order and one copy of each seq (a later copy replaces an earlier). */
export function mergeMessages(
  held: readonly ThreadMessage[],
  incoming: readonly ThreadMessage[],
): ThreadMessage[] {
  if (incoming.length === 0) return held as ThreadMessage[];
  const bySeq = new Map<number, ThreadMessage>();
  for (const message of held) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The newest seq held with no gap before it: where a catch-up asks "after". */
export function contiguousSeq(held: readonly ThreadMessage[]): number {
  if (held.length === 0) return 0;
  let last = held[0]?.seq ?? 0;
  for (const message of held.slice(1)) {
    if (message.seq !== last + 1) break;
    last = message.seq;
  }
  return last;
}

/** A live message that skips past what is held means something was missed: fetch the gap. */
export function missesSomething(held: readonly ThreadMessage[], live: ThreadMessage): boolean {
  const newest = held.at(-1)?.seq ?? 0;
  return live.seq > newest + 1;
}

/** Read receipts: the caller's messages up to the other party's read position are read. */
export function receiptFor(
  message: ThreadMessage,
  myId: string,
  otherLastReadSeq: number,
): "read" | "sent" | null {
  if (message.senderId !== myId) return null;
  return message.seq <= otherLastReadSeq ? "read" : "sent";
}
