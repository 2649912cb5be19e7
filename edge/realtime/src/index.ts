import { parseRealtimeEnv, type RealtimeEnv } from "@hometrip/config";
import { zRoomDeliveryRequest } from "@hometrip/contracts";
import { durableObjectRoomDelivery } from "@hometrip/core/realtime/durable-object";
import { type Lobby, routePartykitRequest } from "partyserver";
import { checkRoomToken, refuseSocket } from "./admission.ts";
import type { Env } from "./env.ts";

export { ConversationRoom } from "./rooms/conversation-room.ts";
export { UserRoom } from "./rooms/user-room.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const json = (status: number, body: unknown) => Response.json(body, { status });

/**
 * The realtime Worker: `/parties/conversation-room/<uuid>` and `/parties/user-room/<uuid>` are the
 * rooms (partyserver routes them to the Durable Objects), `/health` answers the dev stack, and
 * `POST /internal/deliver` lets the Bun workers put an event into a room.
 */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") return json(200, { ok: true, service: "realtime" });
    if (pathname === "/internal/deliver") return internalDeliver(request, env);
    const routed = await routePartykitRequest(request, env, {
      // Only uuids name rooms: anything else never creates a Durable Object.
      onBeforeConnect: (req, lobby) => admit(req, env, lobby),
      onBeforeRequest: (_req, lobby) =>
        uuid.test(lobby.name) ? undefined : json(404, { code: "NOT_FOUND" }),
    });
    return routed ?? json(404, { code: "NOT_FOUND", message: "no such room" });
  },
} satisfies ExportedHandler<Env>;

const roomKinds: Record<string, "conversation" | "user"> = {
  ConversationRoom: "conversation",
  UserRoom: "user",
};

/**
 * A socket reaches a room only with a valid token for it; the room checks again. Anything else is
 * refused here, with its close code, before a Durable Object is created or woken.
 */
async function admit(request: Request, env: Env, lobby: Lobby<Env>): Promise<Response | undefined> {
  const kind = roomKinds[lobby.className];
  if (!kind || !uuid.test(lobby.name)) return json(404, { code: "NOT_FOUND" });
  const check = await checkRoomToken(configOf(env).ROOM_TOKEN_SECRET, request, `${kind}:${lobby.name}`);
  return check.ok ? undefined : refuseSocket(check.reason);
}

async function internalDeliver(request: Request, env: Env): Promise<Response> {
  if (request.method !== "POST") return json(405, { code: "METHOD_NOT_SUPPORTED" });
  const config = configOf(env);
  if (!(await bearerMatches(request.headers.get("authorization"), config.REALTIME_INTERNAL_TOKEN))) {
    return json(401, { code: "UNAUTHORIZED", message: "internal token required" });
  }
  const body = await request.json().catch(() => null);
  const parsed = zRoomDeliveryRequest.safeParse(body);
  if (!parsed.success) return json(400, { code: "BAD_REQUEST", message: "expected { room, event }" });
  const delivery = durableObjectRoomDelivery({ conversation: env.ConversationRoom, user: env.UserRoom });
  const result = await delivery.deliver(parsed.data.room, parsed.data.event as never);
  return json(200, result);
}

const configs = new WeakMap<Env, RealtimeEnv>();
/** Parsed once per isolate's env object, not on every delivery. */
function configOf(env: Env): RealtimeEnv {
  let config = configs.get(env);
  if (!config) {
    config = parseRealtimeEnv(env as unknown as Record<string, unknown>);
    configs.set(env, config);
  }
  return config;
}

/** Compares digests in constant time, so the token's length and prefix do not leak through timing. */
async function bearerMatches(header: string | null, token: string): Promise<boolean> {
  const given = header?.startsWith("Bearer ") ? header.slice(7) : "";
  const digest = async (text: string) =>
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  const [a, b] = await Promise.all([digest(given), digest(token)]);
  return crypto.subtle.timingSafeEqual(a, b);
}
