import { type TRoomEvent, zConversationDelivery } from "@hometrip/contracts";
import type { Connection } from "partyserver";
import { type Member, onlineUsers } from "../presence.ts";
import { Room } from "./room.ts";

/**
 * `conversation:<uuid>`: the participants of one conversation. Presence and typing are the room's
 * own; messages and read receipts come from the API after they are stored.
 */
export class ConversationRoom extends Room {
  protected readonly kind = "conversation";

  protected parseDelivery(event: unknown): TRoomEvent | null {
    return zConversationDelivery.safeParse(event).data ?? null;
  }

  #presenceTimer: ReturnType<typeof setTimeout> | null = null;
  #leaving = new Set<string>();

  protected onJoin(): void {
    this.schedulePresence();
  }

  protected onLeave(connection: Connection<Member> | null, dropped?: ReadonlySet<string>): void {
    for (const id of dropped ?? []) this.#leaving.add(id);
    if (connection) this.#leaving.add(connection.id);
    this.schedulePresence();
  }

  protected onTyping(connection: Connection<Member>, userId: string, typing: boolean): void {
    this.send({ type: "typing", userId, typing }, new Set([connection]));
  }

  /** Who is here now; sockets in `gone` are leaving and no longer count. */
  online(gone: ReadonlySet<string> = new Set()): string[] {
    const sockets = [...this.memberSockets()].filter((socket) => !gone.has(socket.id));
    return onlineUsers(sockets, Date.now(), this.config.PRESENCE_TIMEOUT_MS);
  }

  /**
   * Joins and leaves close together become one presence broadcast: every broadcast carries the
   * whole list to every socket, so in a busy room one per join would cost members² frames. The
   * window grows with the room (about 50 ms for two people, at most a second); the pending timer
   * keeps the object awake, so nothing is lost to hibernation meanwhile.
   */
  private schedulePresence(): void {
    if (this.#presenceTimer) return;
    let sockets = 0;
    for (const _ of this.getConnections()) sockets++;
    const windowMs = Math.min(1_000, 50 + sockets * 2);
    this.#presenceTimer = setTimeout(() => {
      this.#presenceTimer = null;
      const gone = this.#leaving;
      this.#leaving = new Set();
      this.send({ type: "presence", online: this.online(gone) });
    }, windowMs);
  }
}
