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

  protected onJoin(): void {
    this.broadcastPresence();
  }

  protected onLeave(connection: Connection<Member> | null, dropped?: ReadonlySet<string>): void {
    const gone = new Set(dropped);
    if (connection) gone.add(connection.id);
    this.broadcastPresence(gone);
  }

  protected onTyping(connection: Connection<Member>, userId: string, typing: boolean): void {
    this.send({ type: "typing", userId, typing }, new Set([connection.id]));
  }

  /** Who is here now; sockets in `gone` are leaving and no longer count. */
  online(gone: ReadonlySet<string> = new Set()): string[] {
    const sockets = [...this.memberSockets()].filter((socket) => !gone.has(socket.id));
    return onlineUsers(sockets, Date.now(), this.config.PRESENCE_TIMEOUT_MS);
  }

  private broadcastPresence(gone?: ReadonlySet<string>): void {
    this.send({ type: "presence", online: this.online(gone) }, gone);
  }
}
