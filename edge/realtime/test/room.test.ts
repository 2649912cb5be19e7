import type * as Party from "partykit/server";
import { describe, expect, it } from "vitest";
import { CLOSE_UNAUTHENTICATED, type Participant } from "../src/protocol.ts";
import ConversationRoom from "../src/server.ts";

/** A room and a connection that record what the server does with them. */
function fakes(env: Record<string, unknown> = {}) {
  const broadcasts: string[] = [];
  const connections: Party.Connection<Participant>[] = [];
  const room = {
    id: "conversation-1",
    env,
    broadcast: (message: string) => void broadcasts.push(message),
    getConnections: () => connections,
  } as unknown as Party.Room;
  const sent: unknown[] = [];
  const closed: { code?: number; reason?: string }[] = [];
  const states: unknown[] = [];
  const conn = {
    id: "c1",
    state: null,
    send: (data: string) => void sent.push(JSON.parse(data)),
    close: (code?: number, reason?: string) => void closed.push({ code, reason }),
    setState: (state: unknown) => void states.push(state),
  } as unknown as Party.Connection<Participant>;
  return { server: new ConversationRoom(room), conn, connections, broadcasts, sent, closed, states };
}

const join = (url: string) => ({ request: new Request(url) }) as unknown as Party.ConnectionContext;

describe("conversation room", () => {
  it("refuses a connection that names itself with ?userId=, and gives it no identity", () => {
    const f = fakes();
    f.server.onConnect(f.conn, join("http://x/parties/main/conversation-1?userId=victim&name=Victim"));
    expect(f.sent).toEqual([expect.objectContaining({ type: "error", code: "UNAUTHORIZED" })]);
    expect(f.closed).toEqual([{ code: CLOSE_UNAUTHENTICATED, reason: "room token required" }]);
    expect(f.states).toEqual([]);
    expect(f.broadcasts).toEqual([]);
  });

  it("refuses a connection without any parameters the same way", () => {
    const f = fakes();
    f.server.onConnect(f.conn, join("http://x/parties/main/conversation-1"));
    expect(f.closed.map((c) => c.code)).toEqual([CLOSE_UNAUTHENTICATED]);
    expect(f.states).toEqual([]);
  });

  it("tells an anonymous GET only that the room answers, and refuses an anonymous POST", async () => {
    const f = fakes({ REALTIME_INTERNAL_TOKEN: "internal-secret" });
    f.connections.push({ state: { userId: "u1", name: "Ana" } } as Party.Connection<Participant>);
    const anonymous = await f.server.onRequest(
      new Request("http://x/parties/main/conversation-1") as unknown as Party.Request,
    );
    expect(await anonymous.json()).toEqual({ room: "conversation-1" });
    const internal = await f.server.onRequest(
      new Request("http://x/parties/main/conversation-1", {
        headers: { authorization: "Bearer internal-secret" },
      }) as unknown as Party.Request,
    );
    expect(await internal.json()).toEqual({
      room: "conversation-1",
      participants: [{ userId: "u1", name: "Ana" }],
    });
    const post = await f.server.onRequest(
      new Request("http://x/parties/main/conversation-1", {
        method: "POST",
        body: '{"message":"hi"}',
      }) as unknown as Party.Request,
    );
    expect(post.status).toBe(401);
    expect(f.broadcasts).toEqual([]);
  });
});
