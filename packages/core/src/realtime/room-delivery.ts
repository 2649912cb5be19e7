import {
  type DeliveryFor,
  type RoomAddress,
  type TRoomDeliveryRequest,
  type TRoomDeliveryResult,
  zRoomDeliveryResult,
} from "@hometrip/contracts";

/**
 * Puts a server-side event (a persisted message, a read receipt, a notification, unread counts)
 * into a room, live, for whoever is connected. Delivery is best effort: the data is already in
 * Postgres, and a client that missed it catches up when it (re)loads. The edge API delivers through
 * the Durable Object binding (`durableObjectRoomDelivery`, in `./durable-object-delivery.ts`, which
 * only workerd can load); the Bun workers through the realtime Worker's internal HTTP route.
 */
export interface RoomDelivery {
  deliver<R extends RoomAddress>(room: R, event: DeliveryFor<R>): Promise<TRoomDeliveryResult>;
}

export class RoomDeliveryError extends Error {
  override readonly name = "RoomDeliveryError";
}

export type HttpRoomDeliveryOptions = {
  /** Origin of the realtime Worker, e.g. `http://127.0.0.1:1999`. */
  baseUrl: string;
  /** REALTIME_INTERNAL_TOKEN, shared with the realtime Worker. */
  internalToken: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/** Delivery from outside Cloudflare (the Bun workers): `POST /internal/deliver` with a bearer token. */
export function httpRoomDelivery(options: HttpRoomDeliveryOptions): RoomDelivery {
  const doFetch = options.fetch ?? fetch;
  const url = new URL("/internal/deliver", options.baseUrl).toString();
  return {
    async deliver(room, event) {
      const body: TRoomDeliveryRequest = { room, event } as TRoomDeliveryRequest;
      const response = await doFetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${options.internalToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
      if (!response.ok) {
        throw new RoomDeliveryError(`realtime refused the delivery to ${room}: HTTP ${response.status}`);
      }
      return zRoomDeliveryResult.parse(await response.json());
    },
  };
}

/** A delivery that records what it was given, for tests and for runtimes without rooms. */
export function recordingRoomDelivery(): RoomDelivery & { sent: TRoomDeliveryRequest[] } {
  const sent: TRoomDeliveryRequest[] = [];
  return {
    sent,
    async deliver(room, event) {
      sent.push({ room, event } as TRoomDeliveryRequest);
      return { delivered: 0 };
    },
  };
}
