import { env } from "cloudflare:workers";
import type { TRoomEvent, TRoomTicket } from "@hometrip/contracts";
import { sql } from "./db.ts";

/** A conversation with these members as participants, written directly (the messages domain owns creation). */
export async function createConversation(guestId: string, hostId: string): Promise<string> {
  const [row] = await sql<{ id: string }>("insert into conversations (guest_id) values ($1) returning id", [
    guestId,
  ]);
  const id = row!.id;
  await sql(
    "insert into conversation_participants (conversation_id, user_id, role) values ($1, $2, 'guest'), ($1, $3, 'host')",
    [id, guestId, hostId],
  );
  return id;
}

export type RoomClient = {
  events: TRoomEvent[];
  closed: Promise<{ code: number; reason: string }>;
  next<T extends TRoomEvent["type"]>(
    type: T,
    match?: (event: Extract<TRoomEvent, { type: T }>) => boolean,
  ): Promise<Extract<TRoomEvent, { type: T }>>;
  close(): void;
};

/** Opens the ticket's socket on the realtime Worker running beside the API, as a browser would. */
export async function joinRoom(ticket: TRoomTicket): Promise<RoomClient> {
  const url = new URL(ticket.url);
  const response = await env.TEST_REALTIME.fetch(`http://realtime.test${url.pathname}${url.search}`, {
    headers: { Upgrade: "websocket" },
  });
  const ws = response.webSocket;
  if (!ws) throw new Error(`no WebSocket: HTTP ${response.status}`);
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
  return {
    events,
    closed,
    async next(type, match) {
      for (;;) {
        const found = events.find((e) => e.type === type && (!match || match(e as never)));
        if (found) return found as never;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => ws.close(1000, "done"),
  };
}
