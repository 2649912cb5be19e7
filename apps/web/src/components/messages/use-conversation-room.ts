"use client";
import { type TConversationRoomEvent, type TRoomTicket, zConversationRoomEvent } from "@hometrip/contracts";
import { useEffect, useRef, useState } from "react";
import { openRoomSocket, type RoomSocket } from "../../lib/realtime/room-socket.ts";
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
 * read receipts, over `openRoomSocket`. Each (re)open triggers a catch-up through
 * `messages.list` after the newest seq held, so nothing sent meanwhile is missed.
 */
export function useConversationRoom(conversationId: string, myId: string, handlers: Handlers) {
  const [state, setState] = useState<RoomState>({ connected: false, online: [], typing: [] });
  const latest = useRef(handlers);
  latest.current = handlers;
  const roomRef = useRef<RoomSocket | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: another conversation needs another room (the ticket callback reads the id)
  useEffect(() => {
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
    const room = openRoomSocket({
      ticket: () => latest.current.ticket(),
      events: zConversationRoomEvent,
      onOpen: () => {
        setState((s) => ({ ...s, connected: true }));
        latest.current.onOpen();
      },
      onClose: () => setState((s) => ({ ...s, connected: false, online: [], typing: [] })),
      onEvent: (event: TConversationRoomEvent) => {
        if (event.type === "message") latest.current.onMessage(event.message);
        else if (event.type === "read") latest.current.onRead(event.userId, event.lastReadSeq);
        else if (event.type === "presence")
          setState((s) => ({ ...s, online: event.online.filter((id) => id !== myId) }));
        else if (event.type === "typing" && event.userId !== myId) setTyping(event.userId, event.typing);
      },
    });
    roomRef.current = room;

    return () => {
      for (const timer of typingTimers.values()) clearTimeout(timer);
      room.close();
      roomRef.current = null;
    };
  }, [conversationId, myId]);

  /** Tells the others this member is (or stopped) typing; only while connected. */
  const sendTyping = (typing: boolean) => {
    roomRef.current?.send({ type: "typing", typing });
  };

  return { ...state, sendTyping };
}
