import { type RoomAddress, roomCloseCodes } from "@hometrip/contracts";
import { type RoomTokenCheck, verifyRoomToken } from "@hometrip/core/realtime/room-token";

type Refusal = Exclude<RoomTokenCheck, { ok: true }>["reason"];

/** Close code and reason for each way a token fails (edge/realtime/README.md). */
export const refusals: Record<Refusal, readonly [number, string]> = {
  missing: [roomCloseCodes.unauthenticated, "room token required"],
  malformed: [roomCloseCodes.unauthenticated, "room token malformed"],
  "bad signature": [roomCloseCodes.unauthenticated, "room token invalid"],
  expired: [roomCloseCodes.unauthenticated, "room token expired"],
  "other room": [roomCloseCodes.forbidden, "room token is for another room"],
};

export function checkRoomToken(secret: string, request: Request, room: RoomAddress): Promise<RoomTokenCheck> {
  return verifyRoomToken(secret, new URL(request.url).searchParams.get("token"), room);
}

/**
 * Completes the upgrade on a plain (not hibernatable) socket and closes it with the refusal's code
 * and reason. The Worker refuses this way before any room wakes: a hibernatable socket closed by a
 * room sends its close frame, but the runtime then keeps the TCP connection open, so clients
 * (browsers, `ws`) report the close only much later.
 */
export function refuseSocket(refusal: Refusal): Response {
  const [code, reason] = refusals[refusal];
  const { 0: client, 1: server } = new WebSocketPair();
  server.accept();
  server.close(code, reason);
  return new Response(null, { status: 101, webSocket: client });
}
