export {
  createQStashPublisher,
  type EventPublisher,
  type QStashPublisherOptions,
} from "./events/publisher.ts";
export { recordEvent } from "./events/record-event.ts";
export { type RelayOutboxOptions, type RelayOutboxResult, relayOutbox } from "./events/relay-outbox.ts";
export { describeError, type Logger, silentLogger } from "./logger.ts";
export { recordSystemPing } from "./system/record-system-ping.ts";
export * from "./email/index.ts";
