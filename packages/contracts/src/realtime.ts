import * as z from "zod";

/*
 * The rooms' wire protocol (edge/realtime). A room is a Durable Object addressed
 * `conversation:<uuid>` or `user:<uuid>`; clients join it over a WebSocket with a short-lived room
 * token from the API (`realtime.conversationToken` / `realtime.userToken`). Presence and typing
 * live only in the room; everything else is persisted first and then delivered into the room by the
 * server (`RoomDelivery` in @hometrip/core).
 */

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const roomAddressPattern = new RegExp(`^(conversation|user):(${uuidPattern})$`);

export type ConversationRoomAddress = `conversation:${string}`;
export type UserRoomAddress = `user:${string}`;
export type RoomAddress = ConversationRoomAddress | UserRoomAddress;
export type RoomKind = "conversation" | "user";

/** `conversation:<uuid>` or `user:<uuid>` (lower-case uuid). */
export const zRoomAddress = z
  .string()
  .max(60)
  .regex(roomAddressPattern, { message: "must be conversation:<uuid> or user:<uuid>" })
  .transform((value) => value as RoomAddress);

export const conversationRoom = (conversationId: string): ConversationRoomAddress =>
  `conversation:${conversationId.toLowerCase()}`;
export const userRoom = (userId: string): UserRoomAddress => `user:${userId.toLowerCase()}`;

/** Splits an address into its kind and id; null when it is not a room address. */
export function parseRoomAddress(value: string): { kind: RoomKind; id: string } | null {
  const match = roomAddressPattern.exec(value);
  if (!match) return null;
  return { kind: match[1] as RoomKind, id: match[2] as string };
}

/**
 * The path segment partyserver routes on: `/parties/<party>/<id>` where `<party>` is the kebab
 * case of the Durable Object binding (ConversationRoom, UserRoom).
 */
export const roomParty = { conversation: "conversation-room", user: "user-room" } as const satisfies Record<
  RoomKind,
  string
>;

// ── client → room ────────────────────────────────────────────────────────────────────────────────

/** How often a client says it is still there, and how long the room waits before dropping it. */
export const HEARTBEAT_INTERVAL_MS = 10_000;
export const PRESENCE_TIMEOUT_MS = 25_000;

export const zClientHeartbeat = z.object({ type: z.literal("heartbeat") });
export const zClientTyping = z.object({ type: z.literal("typing"), typing: z.boolean() });
export const zClientFrame = z.discriminatedUnion("type", [zClientHeartbeat, zClientTyping]);
export type TClientFrame = z.infer<typeof zClientFrame>;

// ── room → client ────────────────────────────────────────────────────────────────────────────────

export const zRoomAttachment = z.object({
  key: z.string().max(512),
  contentType: z.string().max(100),
  width: z.number().int().positive().max(100_000).optional(),
  height: z.number().int().positive().max(100_000).optional(),
});

/** A persisted message as a room delivers it; `seq` orders messages within the conversation. */
export const zRoomMessage = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  seq: z.number().int().nonnegative(),
  senderId: z.uuid(),
  body: z.string(),
  /** Contact details were masked (before a booking is confirmed). */
  masked: z.boolean(),
  attachments: z.array(zRoomAttachment).max(20),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TRoomMessage = z.infer<typeof zRoomMessage>;

export const zRoomNotification = z.object({
  id: z.uuid(),
  type: z.string().max(100),
  title: z.string().max(500),
  body: z.string().max(5_000),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TRoomNotification = z.infer<typeof zRoomNotification>;

/** The runtime's answer to `{"type":"heartbeat"}` (sent without waking the room); ignore it. */
export const zHeartbeatAck = z.object({ type: z.literal("heartbeat") });
export const zMessageEvent = z.object({ type: z.literal("message"), message: zRoomMessage });
/** Users online in the room, each once however many tabs they have open, sorted. */
export const zPresenceEvent = z.object({ type: z.literal("presence"), online: z.array(z.string()) });
export const zTypingEvent = z.object({ type: z.literal("typing"), userId: z.string(), typing: z.boolean() });
export const zReadEvent = z.object({
  type: z.literal("read"),
  userId: z.uuid(),
  lastReadSeq: z.number().int().nonnegative(),
});
export const zNotificationEvent = z.object({
  type: z.literal("notification"),
  notification: zRoomNotification,
});
/** Unread totals for a user: conversations with unread messages, unread in-app notifications. */
export const zUnreadEvent = z.object({
  type: z.literal("unread"),
  conversations: z.number().int().nonnegative(),
  notifications: z.number().int().nonnegative(),
});

/** What a conversation room sends to its clients. */
export const zConversationRoomEvent = z.discriminatedUnion("type", [
  zHeartbeatAck,
  zMessageEvent,
  zPresenceEvent,
  zTypingEvent,
  zReadEvent,
]);
/** What a user room sends to its clients. */
export const zUserRoomEvent = z.discriminatedUnion("type", [zHeartbeatAck, zNotificationEvent, zUnreadEvent]);
export const zRoomEvent = z.discriminatedUnion("type", [
  zHeartbeatAck,
  zMessageEvent,
  zPresenceEvent,
  zTypingEvent,
  zReadEvent,
  zNotificationEvent,
  zUnreadEvent,
]);
export type TConversationRoomEvent = z.infer<typeof zConversationRoomEvent>;
export type TUserRoomEvent = z.infer<typeof zUserRoomEvent>;
export type TRoomEvent = z.infer<typeof zRoomEvent>;

// ── server → room (RoomDelivery) ────────────────────────────────────────────────────────────────

/** Events the server delivers into a room; presence and typing are the room's own. */
export const zConversationDelivery = z.discriminatedUnion("type", [zMessageEvent, zReadEvent]);
export const zUserDelivery = z.discriminatedUnion("type", [zNotificationEvent, zUnreadEvent]);
export type TConversationDelivery = z.infer<typeof zConversationDelivery>;
export type TUserDelivery = z.infer<typeof zUserDelivery>;
export type TRoomDelivery = TConversationDelivery | TUserDelivery;
/** The event a room of that address accepts. */
export type DeliveryFor<R extends RoomAddress> = R extends ConversationRoomAddress
  ? TConversationDelivery
  : TUserDelivery;

/**
 * Body of the realtime Worker's internal `POST /internal/deliver` (bearer REALTIME_INTERNAL_TOKEN),
 * which the Bun workers use; the edge API uses the Durable Object binding instead.
 */
export const zRoomDeliveryRequest = z.union([
  z.object({ room: zRoomAddress.refine((r) => r.startsWith("conversation:")), event: zConversationDelivery }),
  z.object({ room: zRoomAddress.refine((r) => r.startsWith("user:")), event: zUserDelivery }),
]);
export type TRoomDeliveryRequest = z.infer<typeof zRoomDeliveryRequest>;

/** How many sockets a delivery reached (0 when nobody is in the room). */
export const zRoomDeliveryResult = z.object({ delivered: z.number().int().nonnegative() });
export type TRoomDeliveryResult = z.infer<typeof zRoomDeliveryResult>;

// ── joining ──────────────────────────────────────────────────────────────────────────────────────

/** A room token lives this long; partysocket fetches a fresh one on every (re)connect. */
export const ROOM_TOKEN_TTL_SECONDS = 300;

/** Claims of a room token (HMAC-SHA256, see edge/realtime README). */
export const zRoomTokenClaims = z.object({
  sub: z.uuid(),
  room: zRoomAddress,
  /** Expiry, seconds since the epoch. */
  exp: z.number().int().positive(),
});
export type TRoomTokenClaims = z.infer<typeof zRoomTokenClaims>;

/**
 * What `realtime.conversationToken` / `realtime.userToken` return. Connect with partysocket:
 * `new PartySocket({ host, party, room: id, query: async () => ({ token }) })`, or open `url` directly.
 */
export const zRoomTicket = z.object({
  room: zRoomAddress,
  token: z.string(),
  expiresAt: z.iso.datetime(),
  /** Realtime Worker origin for partysocket, e.g. `127.0.0.1:1999` or `realtime.example.com`. */
  host: z.string(),
  party: z.enum([roomParty.conversation, roomParty.user]),
  /** The room's id in the URL (the uuid after the kind). */
  id: z.uuid(),
  /** Full WebSocket URL with the token in the query. */
  url: z.string(),
});
export type TRoomTicket = z.infer<typeof zRoomTicket>;

/**
 * Close codes a room uses when it refuses or drops a socket (4000–4999 are the application's).
 * Clients should fetch a new token on 4401 and stop reconnecting on 4403.
 */
export const roomCloseCodes = {
  /** No token, a forged one, or an expired one. */
  unauthenticated: 4401,
  /** A valid token for another room. */
  forbidden: 4403,
  /** No heartbeat within PRESENCE_TIMEOUT_MS. */
  heartbeatTimeout: 4408,
} as const;
