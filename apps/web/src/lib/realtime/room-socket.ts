import { HEARTBEAT_INTERVAL_MS, type TClientFrame, type TRoomTicket } from "@hometrip/contracts";
import PartySocket from "partysocket";
import { parseRoomFrame, type RoomFrameSchema } from "./room-frame.ts";

export type RoomSocketOptions<E> = {
  /** A fresh room token for every (re)connect: tokens live five minutes. */
  ticket: () => Promise<TRoomTicket>;
  /** The room's events; other frames (and the runtime's heartbeat answers, if the schema omits them) are dropped. */
  events: RoomFrameSchema<E>;
  onEvent: (event: E) => void;
  /** The socket (re)opened: fetch what was missed while it was down. */
  onOpen: () => void;
  onClose: () => void;
};

export type RoomSocket = {
  /** Sends a frame when the socket is open; false when it is not. */
  send(frame: TClientFrame): boolean;
  close(): void;
};

/**
 * A live room socket (edge/realtime) for either room kind. partysocket reconnects by itself; each
 * connect asks for a new token, and a heartbeat every HEARTBEAT_INTERVAL_MS keeps the member in
 * the room's presence. When no first token can be had (signed out, realtime not configured) the
 * socket never opens and the caller's polling carries on.
 */
export function openRoomSocket<E>(options: RoomSocketOptions<E>): RoomSocket {
  let closed = false;
  let socket: PartySocket | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  void options
    .ticket()
    .then((first) => {
      if (closed) return;
      let ticket: TRoomTicket | null = first;
      const ws = new PartySocket({
        host: first.host,
        party: first.party,
        room: first.id,
        // The first connect uses the ticket in hand; each reconnect asks for a new one.
        query: async () => {
          const current = ticket ?? (await options.ticket());
          ticket = null;
          return { token: current.token };
        },
      });
      socket = ws;
      ws.addEventListener("open", () => options.onOpen());
      ws.addEventListener("close", () => options.onClose());
      ws.addEventListener("message", (frame: MessageEvent) => {
        const event = parseRoomFrame(options.events, frame.data);
        if (event) options.onEvent(event);
      });
      heartbeat = setInterval(() => send({ type: "heartbeat" }), HEARTBEAT_INTERVAL_MS);
    })
    .catch(() => {
      // No room this time; the page works without it.
    });

  function send(frame: TClientFrame): boolean {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  return {
    send,
    close() {
      closed = true;
      clearInterval(heartbeat);
      socket?.close();
      socket = null;
    },
  };
}
