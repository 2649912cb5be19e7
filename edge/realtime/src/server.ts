import type * as Party from "partykit/server";
import {
  CLOSE_UNAUTHENTICATED,
  type Participant,
  parseClientFrame,
  presenceOf,
  type ServerFrame,
} from "./protocol.ts";

const send = (conn: Party.Connection, frame: ServerFrame) => conn.send(JSON.stringify(frame));

/** A conversation room: presence, typing indicators and live delivery of persisted messages. */
export default class ConversationRoom implements Party.Server {
  constructor(readonly room: Party.Room) {}

  /**
   * Every connection is refused for now. A room used to take the caller's identity from a
   * `userId` query parameter, which let anyone join any conversation as anyone; a participant
   * will be admitted only with a room token signed by edge/api (the messaging work adds it).
   */
  onConnect(conn: Party.Connection<Participant>, _ctx: Party.ConnectionContext) {
    send(conn, {
      type: "error",
      code: "UNAUTHORIZED",
      message: "Joining a room needs a signed room token, which this server does not accept yet",
    });
    conn.close(CLOSE_UNAUTHENTICATED, "room token required");
  }

  onClose() {
    this.broadcastPresence();
  }

  onError() {
    this.broadcastPresence();
  }

  onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection<Participant>) {
    const frame = parseClientFrame(raw);
    if (!frame) {
      send(sender, { type: "error", code: "BAD_REQUEST", message: "unrecognised frame" });
      return;
    }
    if (frame.type === "ping") return send(sender, { type: "pong" });
    const userId = sender.state?.userId;
    if (!userId) return;
    const out: ServerFrame = { type: "typing", userId, isTyping: frame.isTyping };
    this.room.broadcast(JSON.stringify(out), [sender.id]);
  }

  /**
   * edge/api POSTs a message here after persisting it. The shared token keeps browsers from
   * injecting messages that were never stored, and from reading who is present: an anonymous GET
   * (the dev stack's health check) learns only that the room answers.
   */
  async onRequest(req: Party.Request) {
    const token = this.room.env.REALTIME_INTERNAL_TOKEN;
    const internal = typeof token === "string" && req.headers.get("authorization") === `Bearer ${token}`;
    if (req.method === "GET") {
      if (!internal) return Response.json({ room: this.room.id });
      const participants = presenceOf([...this.room.getConnections<Participant>()].map((c) => c.state));
      return Response.json({ room: this.room.id, participants });
    }
    if (req.method !== "POST") return new Response("method not allowed", { status: 405 });
    if (!internal) {
      return Response.json({ code: "UNAUTHORIZED", message: "internal token required" }, { status: 401 });
    }
    const body = (await req.json().catch(() => null)) as { message?: unknown } | null;
    if (!body || body.message === undefined) {
      return Response.json({ code: "BAD_REQUEST", message: "body.message is required" }, { status: 400 });
    }
    this.room.broadcast(JSON.stringify({ type: "message", message: body.message } satisfies ServerFrame));
    return Response.json({ delivered: [...this.room.getConnections()].length });
  }

  private broadcastPresence() {
    const participants = presenceOf([...this.room.getConnections<Participant>()].map((c) => c.state));
    this.room.broadcast(JSON.stringify({ type: "presence", participants } satisfies ServerFrame));
  }
}

ConversationRoom satisfies Party.Worker;
