"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ListingPhoto } from "@/components/listing/listing-photo.tsx";
import { Alert } from "@/components/ui/alert.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatWhen } from "@/lib/format.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

/** Every conversation of the member, newest first; polled so counts move while the page is open. */
export function InboxList({ myId }: { myId: string }) {
  const trpc = useTRPC();
  const inbox = useQuery({
    ...trpc.messages.listConversations.queryOptions({ limit: 50 }),
    refetchInterval: 15_000,
  });
  if (inbox.isPending) return <LoadingBlock label="Loading conversations…" />;
  if (inbox.isError) return <Alert tone="error">{errorMessage(inbox.error)}</Alert>;
  const { conversations } = inbox.data;
  if (conversations.length === 0) {
    return (
      <div className="card inbox-empty">
        <p>No conversations yet. Ask a host a question from any listing page.</p>
        <Link className="button button--secondary button--small" href="/search">
          Find a place
        </Link>
      </div>
    );
  }
  return (
    <ul className="inbox" aria-label="Conversations">
      {conversations.map((c) => {
        const last = c.lastMessage;
        const preview = last ? last.body || (last.hasAttachments ? "Sent a photo" : "") : "No messages yet";
        return (
          <li key={c.id}>
            <Link
              href={`/messages/${c.id}`}
              className={`inbox__row${c.unreadCount > 0 ? " inbox__row--unread" : ""}`}
              data-testid="inbox-row"
            >
              <ListingPhoto className="inbox__photo" src={c.listing?.coverPhotoUrl ?? null} alt="" />
              <span className="inbox__text">
                <span className="inbox__top">
                  <strong className="inbox__name">{c.otherParty?.displayName ?? "Conversation"}</strong>
                  {c.lastMessageAt && (
                    <span className="muted inbox__when">{formatWhen(c.lastMessageAt)}</span>
                  )}
                </span>
                <span className="muted inbox__listing">
                  {c.listing?.title ?? "A listing no longer available"}
                  {c.bookingStatus ? ` · ${c.bookingStatus.replaceAll("_", " ")}` : " · inquiry"}
                </span>
                <span className="inbox__preview">
                  {last?.senderId === myId ? "You: " : ""}
                  {preview}
                </span>
              </span>
              {c.unreadCount > 0 && (
                <span className="inbox__badge" data-testid="unread-badge">
                  {c.unreadCount}
                  <span className="visually-hidden"> unread</span>
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
