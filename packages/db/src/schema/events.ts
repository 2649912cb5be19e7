import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Events written in the same transaction as the change they describe; a relay publishes them. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventType: text("event_type").notNull(),
    eventVersion: integer("event_version").notNull(),
    payload: jsonb("payload").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** W3C traceparent of the request that recorded the event; the relay forwards it to the workers. */
    traceparent: text("traceparent"),
  },
  (t) => [index("outbox_unpublished_idx").on(t.occurredAt).where(sql`${t.publishedAt} is null`)],
);

/** Ids of events a consumer has applied, written with the effect so a redelivery is a no-op. */
export const processedEvents = pgTable("processed_events", {
  eventId: uuid("event_id").primaryKey(),
  eventType: text("event_type").notNull(),
  processedAt: timestamp("processed_at", { withTimezone: true }).defaultNow(),
});

/** Effect of the operator `system.ping` event; proves the event path end to end. */
export const systemPings = pgTable("system_pings", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: uuid("event_id").notNull().unique(),
  note: text("note").notNull(),
  requestedBy: text("requested_by").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).defaultNow(),
});

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
export type ProcessedEvent = typeof processedEvents.$inferSelect;
export type SystemPing = typeof systemPings.$inferSelect;
