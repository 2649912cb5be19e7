"use client";
import { type TRoomTicket, type TUserRoomEvent, zUserRoomEvent } from "@hometrip/contracts";
import { useEffect, useRef, useState } from "react";
import { openRoomSocket } from "../../lib/realtime/room-socket.ts";

type Handlers = {
  /** A fresh `realtime.userToken` for every (re)connect. */
  ticket: () => Promise<TRoomTicket>;
  onEvent: (event: TUserRoomEvent) => void;
  /** The socket (re)opened: refetch what may have changed while it was down. */
  onOpen: () => void;
};

/**
 * The signed-in member's own room (edge/realtime `user:<id>`): notifications as they are stored
 * and the unread totals after them. Returns whether the room is connected.
 */
export function useUserRoom(userId: string | null, handlers: Handlers): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!userId) return;
    const room = openRoomSocket({
      ticket: () => latest.current.ticket(),
      events: zUserRoomEvent,
      onOpen: () => {
        setConnected(true);
        latest.current.onOpen();
      },
      onClose: () => setConnected(false),
      onEvent: (event) => latest.current.onEvent(event),
    });
    return () => {
      room.close();
      setConnected(false);
    };
  }, [userId]);

  return { connected };
}
