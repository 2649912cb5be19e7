import type { ConversationSummary } from "@hometrip/contracts";
import type { DbOrTx, MessageAttachment } from "@hometrip/db";
import { sql } from "drizzle-orm";
import { contactSharingStatuses } from "./access.ts";

type InboxRow = {
  id: string;
  listing_id: string | null;
  booking_id: string | null;
  last_seq: number;
  last_message_at: string | Date | null;
  my_role: "guest" | "host" | "admin";
  my_read: number;
  title: string | null;
  city: string | null;
  cover: string | null;
  booking_status: string | null;
  other_id: string | null;
  other_role: "guest" | "host" | "admin" | null;
  other_read: number | null;
  other_name: string | null;
  other_avatar: string | null;
  msg_seq: number | null;
  msg_sender: string | null;
  msg_body: string | null;
  msg_attachments: MessageAttachment[] | null;
  msg_at: string | Date | null;
};

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The caller's conversations, newest activity first, each with what an inbox row shows: the other
 * party, the listing's title and cover, the last message, and the unread count (seq arithmetic:
 * the newest seq minus the caller's read position). One query; every join follows an index.
 */
export async function listConversations(
  db: DbOrTx,
  input: { userId: string; limit: number; offset: number; conversationId?: string },
): Promise<ConversationSummary[]> {
  const { rows } = await db.execute<InboxRow>(sql`
    select c.id, c.listing_id, c.booking_id, c.last_seq, c.last_message_at,
      p.role as my_role, p.last_read_seq as my_read,
      l.title, l.city,
      (select ph.url from listing_photos ph where ph.listing_id = l.id order by ph.position limit 1) as cover,
      b.status::text as booking_status,
      o.user_id as other_id, o.role as other_role, o.last_read_seq as other_read,
      u.display_name as other_name, u.avatar_url as other_avatar,
      m.seq as msg_seq, m.sender_id as msg_sender, m.body as msg_body, m.attachments as msg_attachments,
      m.created_at as msg_at
    from conversation_participants p
    join conversations c on c.id = p.conversation_id
    left join listings l on l.id = c.listing_id
    left join bookings b on b.id = c.booking_id
    left join lateral (
      select o.user_id, o.role, o.last_read_seq from conversation_participants o
      where o.conversation_id = c.id and o.user_id <> p.user_id
      order by o.created_at limit 1
    ) o on true
    left join users u on u.id = o.user_id
    left join messages m on m.conversation_id = c.id and m.seq = c.last_seq
    where p.user_id = ${input.userId}
      ${
        input.conversationId
          ? sql`and c.id = ${input.conversationId}`
          : // A host is not shown a thread a guest opened but never wrote in.
            sql`and (c.last_seq > 0 or c.booking_id is not null or p.role = 'guest')`
      }
    order by coalesce(c.last_message_at, c.created_at) desc, c.id
    limit ${input.limit} offset ${input.offset}
  `);
  return rows.map((row) => ({
    id: row.id,
    listing: row.listing_id
      ? { id: row.listing_id, title: row.title ?? "", coverPhotoUrl: row.cover, city: row.city }
      : null,
    bookingId: row.booking_id,
    bookingStatus: row.booking_status,
    contactDetailsShared: row.booking_status !== null && contactSharingStatuses.includes(row.booking_status),
    myRole: row.my_role,
    otherParty:
      row.other_id && row.other_role
        ? {
            userId: row.other_id,
            displayName: row.other_name ?? "",
            avatarUrl: row.other_avatar,
            role: row.other_role,
          }
        : null,
    lastMessage:
      row.msg_seq !== null && row.msg_sender !== null && row.msg_at !== null
        ? {
            seq: row.msg_seq,
            senderId: row.msg_sender,
            body: row.msg_body ?? "",
            hasAttachments: (row.msg_attachments ?? []).length > 0,
            createdAt: iso(row.msg_at) as string,
          }
        : null,
    lastSeq: row.last_seq,
    lastReadSeq: row.my_read,
    otherLastReadSeq: row.other_read ?? 0,
    unreadCount: Math.max(0, row.last_seq - row.my_read),
    lastMessageAt: iso(row.last_message_at),
  }));
}

/** Unread messages across all the user's conversations (the header badge). */
export async function unreadMessageCount(db: DbOrTx, userId: string): Promise<number> {
  const { rows } = await db.execute<{ unread: number | string }>(sql`
    select coalesce(sum(greatest(c.last_seq - p.last_read_seq, 0)), 0)::int as unread
    from conversation_participants p join conversations c on c.id = p.conversation_id
    where p.user_id = ${userId}
  `);
  return Number(rows[0]?.unread ?? 0);
}

/** One conversation's summary for a participant (the thread page's header). */
export async function conversationSummary(
  db: DbOrTx,
  userId: string,
  conversationId: string,
): Promise<ConversationSummary | null> {
  const [summary] = await listConversations(db, { userId, conversationId, limit: 1, offset: 0 });
  return summary ?? null;
}
