"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { ListingPhoto } from "@/components/listing/listing-photo.tsx";
import { Alert } from "@/components/ui/alert.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client.ts";
import { Composer, type Outgoing } from "./composer.tsx";
import { MessageBubble } from "./message-bubble.tsx";
import {
  contiguousSeq,
  mergeMessages,
  missesSomething,
  receiptFor,
  type ThreadMessage,
} from "./thread-model.ts";
import { uploadAttachment } from "./upload-attachment.ts";
import { useConversationRoom } from "./use-conversation-room.ts";
import { usePageVisible } from "./use-page-visible.ts";

/** A conversation, live: history, new messages through the room, typing, presence and receipts. */
export function Thread({ conversationId, myId }: { conversationId: string; myId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const summary = useQuery(trpc.messages.conversation.queryOptions({ conversationId }));
  const [messages, setMessages] = useState<ThreadMessage[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [otherRead, setOtherRead] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const held = useRef<ThreadMessage[]>([]);
  held.current = messages;
  const add = useCallback((incoming: ThreadMessage[]) => setMessages((m) => mergeMessages(m, incoming)), []);

  /** Everything after the newest seq held without a gap, page by page: the reconnect catch-up. */
  const catchUp = useCallback(async () => {
    let after = contiguousSeq(held.current);
    for (let page = 0; page < 20; page++) {
      const next = await client.messages.list.query({ conversationId, afterSeq: after, limit: 100 });
      add(next.messages);
      after = next.messages.at(-1)?.seq ?? after;
      if (!next.hasMore) break;
    }
  }, [client, conversationId, add]);

  useEffect(() => {
    void client.messages.list.query({ conversationId, limit: 50 }).then((page) => {
      add(page.messages);
      setLoaded(true);
    });
  }, [client, conversationId, add]);
  useEffect(() => {
    if (summary.data) setOtherRead((seq) => Math.max(seq, summary.data.otherLastReadSeq));
  }, [summary.data]);

  const room = useConversationRoom(conversationId, myId, {
    ticket: () => client.realtime.conversationToken.mutate({ conversationId }),
    onMessage: (message) => {
      if (missesSomething(held.current, message)) void catchUp();
      add([message]);
    },
    onRead: (userId, seq) => {
      if (userId !== myId) setOtherRead((current) => Math.max(current, seq));
    },
    onOpen: () => void catchUp(),
  });

  // Without the room (down, or still connecting) the thread still moves: poll for what is new.
  useEffect(() => {
    if (room.connected) return;
    const timer = setInterval(() => void catchUp(), 5000);
    return () => clearInterval(timer);
  }, [room.connected, catchUp]);

  // What is on screen counts as read, on every device (the position lives on the server).
  const newest = messages.at(-1)?.seq ?? 0;
  const markRead = useMutation(trpc.messages.markRead.mutationOptions());
  const readUpTo = useRef(0);
  const visible = usePageVisible();
  useEffect(() => {
    if (visible && newest > readUpTo.current) {
      readUpTo.current = newest;
      markRead.mutate({ conversationId, upToSeq: newest });
    }
  }, [visible, newest, conversationId, markRead.mutate]);

  const send = useMutation({
    mutationFn: async ({ body, files }: Outgoing) => {
      const attachmentKeys = [];
      for (const file of files) attachmentKeys.push((await uploadAttachment(conversationId, file)).key);
      return client.messages.send.mutate({
        conversationId,
        body,
        clientId: crypto.randomUUID(),
        attachmentKeys,
      });
    },
    onSuccess: (answer) => {
      add([answer.message]);
      setNotice(answer.masking?.explanation ?? null);
    },
  });

  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (newest > 0) bottom.current?.scrollIntoView?.({ block: "end" });
  }, [newest]);

  if (summary.isError) return <Alert tone="error">{errorMessage(summary.error)}</Alert>;
  const c = summary.data;
  const other = c?.otherParty;
  const otherOnline = other ? room.online.includes(other.userId) : false;
  const otherTyping = other ? room.typing.includes(other.userId) : false;

  return (
    <div className="thread">
      <header className="thread__header">
        <ListingPhoto className="thread__photo" src={c?.listing?.coverPhotoUrl ?? null} alt="" />
        <div className="thread__who">
          <h1>{other?.displayName ?? "Conversation"}</h1>
          <p className="muted">
            <span className={`presence${otherOnline ? " presence--on" : ""}`} data-testid="presence">
              {otherOnline ? "Online" : "Away"}
            </span>
            {c?.listing && (
              <>
                {" · "}
                <Link href={`/listings/${c.listing.id}`}>{c.listing.title}</Link>
              </>
            )}
          </p>
        </div>
        <Link href="/messages" className="button button--ghost button--small">
          Inbox
        </Link>
      </header>
      {c && !c.contactDetailsShared && (
        <p className="thread__masking muted" data-testid="masking-note">
          Until a booking is confirmed, e-mail addresses, phone numbers and links are hidden in messages, so
          payments and your protection stay on HomeTrip.
        </p>
      )}
      {!loaded && <LoadingBlock label="Loading messages…" />}
      <ol className="thread__messages" aria-label="Messages" aria-live="polite">
        {messages.map((m) => (
          <MessageBubble
            key={m.seq}
            message={m}
            conversationId={conversationId}
            mine={m.senderId === myId}
            receipt={receiptFor(m, myId, otherRead)}
          />
        ))}
      </ol>
      <div ref={bottom} />
      <p className="thread__typing muted" data-testid="typing" aria-live="polite">
        {otherTyping ? `${other?.displayName ?? "They"} is typing…` : " "}
      </p>
      {notice && (
        <Alert tone="warning" title="Contact details hidden">
          {notice}
        </Alert>
      )}
      {send.isError && <Alert tone="error">{errorMessage(send.error)}</Alert>}
      <Composer
        onSend={async (o) => !!(await send.mutateAsync(o).catch(() => null))}
        onTyping={room.sendTyping}
        sending={send.isPending}
      />
    </div>
  );
}
