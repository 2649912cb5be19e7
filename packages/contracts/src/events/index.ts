export { type BookingLifecycleStatus, bookingLifecycleStatuses } from "./bookings.ts";
export {
  type EventCatalog,
  type EventPayload,
  type EventPayloadInput,
  type EventType,
  type EventVersion,
  eventCatalog,
  eventTypes,
  isEventType,
} from "./catalog.ts";
export { defineEvent, type EventDefinition } from "./define.ts";
export {
  type EventEnvelope,
  type EventEnvelopeError,
  type EventIssue,
  type KnownEventEnvelope,
  type ParseEventEnvelopeResult,
  parseEventEnvelope,
  type TypedEventEnvelope,
  zEventEnvelope,
} from "./envelope.ts";
