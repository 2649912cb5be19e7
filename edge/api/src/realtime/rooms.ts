import type { RoomDelivery } from "@hometrip/core";
import { durableObjectRoomDelivery } from "@hometrip/core/realtime/durable-object";

/** The Durable Object bindings to the realtime Worker's rooms (wrangler.toml, script_name). */
export type RoomBindings = { ConversationRoom?: DurableObjectNamespace; UserRoom?: DurableObjectNamespace };

/** Live delivery into rooms through the bindings; null when this Worker runs without them. */
export function roomsOf(env: RoomBindings): RoomDelivery | null {
  if (!env.ConversationRoom || !env.UserRoom) return null;
  return durableObjectRoomDelivery({ conversation: env.ConversationRoom, user: env.UserRoom });
}
