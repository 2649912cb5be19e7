import { SELF } from "cloudflare:test";
import {
  conversationRoom,
  type RoomAddress,
  roomParty,
  type TRoomEvent,
  userRoom,
} from "@hometrip/contracts";
import { signRoomToken } from "@hometrip/core/realtime/room-token";

export const secret = "test-room-token-secret-0123456789abcdef";
export const internalToken = "test-realtime-internal-token";
export const presenceTimeoutMs = 1200;

export const newId = () => crypto.randomUUID();
export { conversationRoom, userRoom };

export async function tokenFor(
  userId: string,
  room: RoomAddress,
  opts: { ttlSeconds?: number; now?: Date } = {},
) {
  return (await signRoomToken(secret, { userId, room }, opts)).token;
}

export type Client = {
  ws: WebSocket;
  events: TRoomEvent[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first event (already received or to come) that matches. */
  next<T extends TRoomEvent["type"]>(
    type: T,
    match?: (event: Extract<TRoomEvent, { type: T }>) => boolean,
  ): Promise<Extract<TRoomEvent, { type: T }>>;
  send(frame: unknown): void;
};

/** Opens a room socket through the Worker's fetch, as a browser would. */
export async function connect(room: RoomAddress, token?: string | null): Promise<Client> {
  const [kind, id] = room.split(":") as ["conversation" | "user", string];
  const query = token ? `?token=${encodeURIComponent(token)}` : "";
  const response = await SELF.fetch(`http://rooms.test/parties/${roomParty[kind]}/${id}${query}`, {
    headers: { Upgrade: "websocket" },
  });
  const ws = response.webSocket;
  if (!ws) throw new Error(`no WebSocket: HTTP ${response.status} ${await response.text()}`);
  const events: TRoomEvent[] = [];
  const waiters: (() => void)[] = [];
  ws.addEventListener("message", (message) => {
    events.push(JSON.parse(message.data as string));
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
  );
  ws.accept();
  const next: Client["next"] = async (type, match) => {
    for (;;) {
      const found = events.find((e) => e.type === type && (!match || match(e as never)));
      if (found) return found as never;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { ws, events, closed, next, send: (frame) => ws.send(JSON.stringify(frame)) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
