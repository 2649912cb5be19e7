"use client";
import {
  HEARTBEAT_INTERVAL_MS,
  type TConversationRoomEvent,
  type TRoomTicket,
  zConversationRoomEvent,
} from "@hometrip/contracts";
import PartySocket from "partysocket";
import { useEffect, useRef, useState } from "react";
import type { ThreadMessage } from "./thread-model.ts";

export type RoomState = {
  connected: boolean;
  /** Other participants with the thread open now. */
  online: string[];
  /** Participants typing now. */
  typing: string[];
};

type Handlers = {
  /** A fresh room token for every (re)connect: tokens live five minutes. */
  ticket: () => Promise<TRoomTicket>;
  onMessage: (message: ThreadMessage) => void;
  onRead: (userId: string, lastReadSeq: number) => void;
  /** The socket (re)opened: fetch what was missed while it was down. */
  onOpen: () => void;
};

/** Typing shows for this long after the last keystroke or "typing" frame. */
const typingTimeoutMs = 4000;

/**
 * The conversation's live room (edge/realtime): messages as they are stored, presence, typing and
 * read receipts. partysocket reconnects by itself; each open triggers a catch-up through
 * `messages.list` after the newest seq held, so nothing sent meanwhile is missed.
 */
export function useConversationRoom(conversationId: string, myId: string, handlers: Handlers) {
  const [state, setState] = useState<RoomState>({ connected: false, online: [], typing: [] });
  const latest = useRef(handlers);
  latest.current = handlers;
  const socketRef = useRef<PartySocket | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: another conversation needs another room (the ticket callback reads the id)
  useEffect(() => {
    let closed = false;
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    const setTyping = (userId: string, typing: boolean) => {
      clearTimeout(typingTimers.get(userId));
      if (typing)
        typingTimers.set(
          userId,
          setTimeout(() => setTyping(userId, false), typingTimeoutMs),
        );
      setState((s) => {
        const others = s.typing.filter((id) => id !== userId);
        return { ...s, typing: typing ? [...others, userId] : others };
      });
    };
    let socket: PartySocket | null = null;
    let heartbeat: ReturnType<typeof setInterval> | undefined;

    void latest.current.ticket().then((first) => {
      if (closed) return;
      let ticket: TRoomTicket | null = first;
      socket = new PartySocket({
        host: first.host,
        party: first.party,
        room: first.id,
        // The first connect uses the ticket in hand; each reconnect asks for a new one.
        query: async () => {
          const current = ticket ?? (await latest.current.ticket());
          ticket = null;
          return { token: current.token };
        },
      });
      socketRef.current = socket;
      socket.addEventListener("open", () => {
        setState((s) => ({ ...s, connected: true }));
        latest.current.onOpen();
      });
      socket.addEventListener("close", () =>
        setState((s) => ({ ...s, connected: false, online: [], typing: [] })),
      );
      socket.addEventListener("message", (frame: MessageEvent) => {
        const parsed = parseFrame(frame.data);
        if (!parsed) return;
        if (parsed.type === "message") latest.current.onMessage(parsed.message);
        else if (parsed.type === "read") latest.current.onRead(parsed.userId, parsed.lastReadSeq);
        else if (parsed.type === "presence")
          setState((s) => ({ ...s, online: parsed.online.filter((id) => id !== myId) }));
        else if (parsed.type === "typing" && parsed.userId !== myId) setTyping(parsed.userId, parsed.typing);
      });
      heartbeat = setInterval(
        () => socket?.send(JSON.stringify({ type: "heartbeat" })),
        HEARTBEAT_INTERVAL_MS,
      );
    });

    return () => {
      closed = true;
      clearInterval(heartbeat);
      for (const timer of typingTimers.values()) clearTimeout(timer);
      socket?.close();
      socketRef.current = null;
    };
  }, [conversationId, myId]);

  /** Tells the others this member is (or stopped) typing; only while connected. */
  const sendTyping = (typing: boolean) => {
    const socket = socketRef.current;
    if (socket && socket.readyState === WebSocket.OPEN)
      socket.send(JSON.stringify({ type: "typing", typing }));
  };

  return { ...state, sendTyping };
}

function parseFrame(data: unknown): TConversationRoomEvent | null {
  if (typeof data !== "string") return null;
  try {
    const result = zConversationRoomEvent.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
