import {
  type DeliveryFor,
  parseRoomAddress,
  type RoomAddress,
  type RoomKind,
  type TRoomDeliveryResult,
} from "@hometrip/contracts";
import { getServerByName } from "partyserver";
import { type RoomDelivery, RoomDeliveryError } from "./room-delivery.ts";

/** The RPC surface ConversationRoom and UserRoom expose to bindings (edge/realtime/src/rooms). */
export interface DeliverableRoom {
  deliver(event: unknown): Promise<TRoomDeliveryResult>;
}

type RoomNamespace = Parameters<typeof getServerByName>[0];

/**
 * Delivery from inside workerd: the Durable Object bindings to the realtime Worker's room classes
 * (`script_name = "hometrip-realtime"`), a direct RPC instead of an HTTP hop. Imports partyserver,
 * which imports `cloudflare:workers`: only Worker code may import this file.
 */
export function durableObjectRoomDelivery(namespaces: Record<RoomKind, unknown>): RoomDelivery {
  return {
    async deliver<R extends RoomAddress>(room: R, event: DeliveryFor<R>) {
      const address = parseRoomAddress(room);
      if (!address) throw new RoomDeliveryError(`not a room address: ${room}`);
      const namespace = namespaces[address.kind] as RoomNamespace;
      const stub = (await getServerByName(namespace, address.id)) as unknown as DeliverableRoom;
      return stub.deliver(event);
    },
  };
}
