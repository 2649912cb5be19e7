import type { EdgeEnv } from "@hometrip/config";
import { parseRoomAddress, type RoomAddress, roomParty, type TRoomTicket } from "@hometrip/contracts";
import { signRoomToken } from "@hometrip/core";

/**
 * A signed room token and where to use it. The socket origin is REALTIME_PUBLIC_URL with ws(s)
 * for http(s); partysocket takes `host`, `party` and `id`, a plain WebSocket takes `url`.
 */
export async function roomTicket(
  config: EdgeEnv,
  userId: string,
  room: RoomAddress,
  now: Date,
): Promise<TRoomTicket> {
  const address = parseRoomAddress(room);
  if (!address) throw new Error(`not a room address: ${room}`);
  const { token, expiresAt } = await signRoomToken(config.ROOM_TOKEN_SECRET, { userId, room }, { now });
  const origin = new URL(config.REALTIME_PUBLIC_URL);
  const party = roomParty[address.kind];
  const socket = new URL(`/parties/${party}/${address.id}`, origin);
  socket.protocol = origin.protocol === "https:" ? "wss:" : "ws:";
  socket.searchParams.set("token", token);
  return {
    room,
    token,
    expiresAt: expiresAt.toISOString(),
    host: origin.host,
    party,
    id: address.id,
    url: socket.toString(),
  };
}
