import { type RoomAddress, roomParty, type TRoomEvent } from "@hometrip/contracts";
import { startRealtimeWorkerd } from "@hometrip/realtime/workerd";

export const roomTokenSecret = "test-room-token-secret-0123456789abcdef";
export const internalToken = "test-realtime-internal-token";

export interface RealtimeWorker {
  url: string;
  /** Joins a room as a browser would (token in the query) and records what the room sends. */
  join(room: RoomAddress, token: string): Promise<RoomClient>;
  close(): Promise<void>;
}

export interface RoomClient {
  events: TRoomEvent[];
  /** Resolves once `count` events of `type` have arrived (already or to come). */
  waitFor<T extends TRoomEvent["type"]>(type: T, count?: number): Promise<Extract<TRoomEvent, { type: T }>[]>;
  close(): void;
}

/**
 * The realtime Worker (edge/realtime) as `wrangler deploy` would build it, run by workerd through
 * Miniflare with its rooms: the other end of the workers' `httpRoomDelivery`.
 */
export async function startRealtimeWorker(): Promise<RealtimeWorker> {
  const { url, miniflare, close } = await startRealtimeWorkerd({
    APP_ENV: "test",
    ROOM_TOKEN_SECRET: roomTokenSecret,
    REALTIME_INTERNAL_TOKEN: internalToken,
  });
  return {
    url,
    async join(room, token) {
      const [kind, id] = room.split(":") as ["conversation" | "user", string];
      const response = await miniflare.dispatchFetch(
        `${url}/parties/${roomParty[kind]}/${id}?token=${encodeURIComponent(token)}`,
        { headers: { Upgrade: "websocket" } },
      );
      const ws = response.webSocket;
      if (!ws) throw new Error(`no WebSocket: HTTP ${response.status} ${await response.text()}`);
      const events: TRoomEvent[] = [];
      const waiters: (() => void)[] = [];
      ws.addEventListener("message", (message) => {
        events.push(JSON.parse(String(message.data)));
        for (const wake of waiters.splice(0)) wake();
      });
      ws.accept();
      return {
        events,
        async waitFor(type, count = 1) {
          for (;;) {
            const found = events.filter((e) => e.type === type);
            if (found.length >= count) return found as never;
            await new Promise<void>((resolve) => waiters.push(resolve));
          }
        },
        close: () => ws.close(1000, "done"),
      };
    },
    close,
  };
}
