import type { z } from "zod";
import { authEvents } from "./auth.ts";
import { bookingEvents } from "./bookings.ts";
import type { EventDefinition } from "./define.ts";
import { listingEvents } from "./listings.ts";
import { messagingEvents } from "./messaging.ts";
import { notificationEvents } from "./notifications.ts";
import { paymentEvents } from "./payments.ts";
import { systemEvents } from "./system.ts";

/**
 * Every event the platform emits, keyed `<domain>.<past-tense verb>`. Each domain declares its
 * events in its own file (`./system.ts`, later `./bookings.ts`, ...) and is spread in here, so
 * producers (outbox writer) and consumers (workers) share one zod schema per type and version.
 */
export const eventCatalog = {
  ...systemEvents,
  ...authEvents,
  ...listingEvents,
  ...bookingEvents,
  ...paymentEvents,
  ...messagingEvents,
  ...notificationEvents,
} as const satisfies Record<string, EventDefinition>;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventVersion<T extends EventType> = EventCatalog[T]["version"];
/** The payload after parsing (what handlers receive). */
export type EventPayload<T extends EventType> = z.output<EventCatalog[T]["payload"]>;
/** The payload a producer may hand in before defaults and transforms apply. */
export type EventPayloadInput<T extends EventType> = z.input<EventCatalog[T]["payload"]>;

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventCatalog, value);
}
