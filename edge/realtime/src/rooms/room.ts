import { parseRealtimeEnv, type RealtimeEnv } from "@hometrip/config";
import {
  type RoomAddress,
  type RoomKind,
  roomCloseCodes,
  type TRoomDeliveryResult,
  type TRoomEvent,
  zClientFrame,
} from "@hometrip/contracts";
import type { RoomTokenCheck } from "@hometrip/core/realtime/room-token";
import { type Connection, type ConnectionContext, Server, type WSMessage } from "partyserver";
import { checkRoomToken, refusals } from "../admission.ts";
import type { Env } from "../env.ts";
import { type Member, type MemberSocket, sweep } from "../presence.ts";

/** Tag of admitted sockets: fan-out reads them straight from the runtime, attachments unread. */
const MEMBER_TAG = "member";

/** The exact heartbeat frame clients send; the runtime answers it without waking the room. */
export const HEARTBEAT_FRAME = JSON.stringify({ type: "heartbeat" });

/**
 * What both rooms share: admission by room token, liveness by heartbeats, and fan-out to admitted
 * sockets. Hibernation is on, so nothing lives in instance fields: each socket's member record is
 * its attachment (`setState`), and the heartbeat sweep is a Durable Object alarm.
 */
export abstract class Room extends Server<Env> {
  static override options = { hibernate: true };
  protected abstract readonly kind: RoomKind;
  #config: RealtimeEnv | undefined;
  /** Token checks made while tagging a socket, read back by onConnect (same request, no wake between). */
  #checks = new WeakMap<Connection, RoomTokenCheck>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // A heartbeat is answered by the runtime itself; its time is read back when sweeping, so a
    // hibernated room is not woken every 10 s per socket.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(HEARTBEAT_FRAME, HEARTBEAT_FRAME));
  }

  protected get config(): RealtimeEnv {
    this.#config ??= parseRealtimeEnv(this.env as unknown as Record<string, unknown>);
    return this.#config;
  }

  get address(): RoomAddress {
    return `${this.kind}:${this.name}` as RoomAddress;
  }

  /** Checks the token before the socket is accepted, so that only admitted sockets carry MEMBER_TAG. */
  override async getConnectionTags(connection: Connection, ctx: ConnectionContext): Promise<string[]> {
    const check = await this.checkToken(ctx);
    this.#checks.set(connection, check);
    return check.ok ? [MEMBER_TAG] : [];
  }

  override async onConnect(connection: Connection<Member>, ctx: ConnectionContext): Promise<void> {
    const check = this.#checks.get(connection) ?? (await this.checkToken(ctx));
    this.#checks.delete(connection);
    if (!check.ok) {
      const [code, reason] = refusals[check.reason];
      connection.close(code, reason);
      return;
    }
    connection.setState({ userId: check.userId, lastSeen: Date.now() });
    await this.scheduleSweep();
    await this.onJoin(connection);
  }

  override async onMessage(connection: Connection<Member>, raw: WSMessage): Promise<void> {
    const member = connection.state;
    if (!member) return; // not admitted (yet): say nothing, accept nothing
    if (typeof raw !== "string" || raw.length > 1024) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    const frame = zClientFrame.safeParse(parsed);
    if (!frame.success) return;
    // Any frame proves the client is there (a heartbeat spelled differently reaches us too).
    connection.setState({ userId: member.userId, lastSeen: Date.now() });
    if (frame.data.type === "typing") await this.onTyping(connection, member.userId, frame.data.typing);
  }

  override async onClose(connection: Connection<Member>): Promise<void> {
    if (connection.state) await this.onLeave(connection);
  }

  override async onError(connection: Connection<Member>): Promise<void> {
    if (connection.state) await this.onLeave(connection);
  }

  override async onRequest(): Promise<Response> {
    return Response.json({ code: "NOT_FOUND", message: "rooms speak WebSocket only" }, { status: 404 });
  }

  /** The heartbeat sweep: closes sockets silent for longer than the timeout. */
  override async onAlarm(): Promise<void> {
    const now = Date.now();
    const { stale, nextCheckAt } = sweep(this.memberSockets(), now, this.config.PRESENCE_TIMEOUT_MS);
    for (const id of stale) {
      const connection = this.getConnection<Member>(id);
      try {
        connection?.close(roomCloseCodes.heartbeatTimeout, "no heartbeat");
      } catch {
        // Already gone: nothing to close.
      }
    }
    if (stale.length > 0) await this.onLeave(null, new Set(stale));
    if (nextCheckAt !== null) await this.ctx.storage.setAlarm(nextCheckAt);
  }

  /** Sends an event the server delivers (RPC from the Durable Object binding). */
  async deliver(event: unknown): Promise<TRoomDeliveryResult> {
    const parsed = this.parseDelivery(event);
    if (!parsed) throw new Error(`not an event a ${this.kind} room delivers`);
    return { delivered: this.send(parsed) };
  }

  /** Sends to every admitted, open socket except those in `except`; returns how many it reached. */
  protected send(event: TRoomEvent, except?: ReadonlySet<WebSocket>): number {
    const frame = JSON.stringify(event);
    let sent = 0;
    for (const socket of this.ctx.getWebSockets(MEMBER_TAG)) {
      if (socket.readyState !== WebSocket.OPEN || except?.has(socket)) continue;
      try {
        socket.send(frame);
        sent++;
      } catch {
        // A socket closing under us: the sweep or its close event removes it.
      }
    }
    return sent;
  }

  /** Every socket with its member record and when it was last heard from. */
  protected *memberSockets(): Generator<MemberSocket> {
    for (const connection of this.getConnections<Member>()) {
      const member = connection.state;
      const autoResponse = this.ctx.getWebSocketAutoResponseTimestamp(connection)?.getTime() ?? 0;
      yield {
        id: connection.id,
        member,
        lastSeen: Math.max(member?.lastSeen ?? 0, autoResponse),
        open: connection.readyState === WebSocket.OPEN,
      };
    }
  }

  private checkToken(ctx: ConnectionContext): Promise<RoomTokenCheck> {
    return checkRoomToken(this.config.ROOM_TOKEN_SECRET, ctx.request, this.address);
  }

  private async scheduleSweep(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Date.now() + this.config.PRESENCE_TIMEOUT_MS + 1);
    }
  }

  protected abstract parseDelivery(event: unknown): TRoomEvent | null;
  protected abstract onJoin(connection: Connection<Member>): void | Promise<void>;
  /** A member left: `connection` closed, or the sweep dropped the sockets in `dropped`. */
  protected abstract onLeave(
    connection: Connection<Member> | null,
    dropped?: ReadonlySet<string>,
  ): void | Promise<void>;
  protected abstract onTyping(
    connection: Connection<Member>,
    userId: string,
    typing: boolean,
  ): void | Promise<void>;
}
