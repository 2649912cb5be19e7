import { randomUUID } from "node:crypto";
import {
  type EventEnvelope,
  type EventPayloadInput,
  type EventType,
  eventCatalog,
  type KnownEventEnvelope,
  parseEventEnvelope,
} from "@hometrip/contracts";
import { createEmailTransport, type RoomDelivery, recordingRoomDelivery, silentLogger } from "@hometrip/core";
import { conversationParticipants, conversations, type Database } from "@hometrip/db";
import { workerAfterCommit } from "../../src/events/after-commit.ts";
import { processEvent } from "../../src/events/process-event.ts";
import { createEventHandlers } from "../../src/handlers/index.ts";
import type { NotificationDeps } from "../../src/notifications/deps.ts";

export const appUrl = "http://localhost:3000";
export const apiUrl = "http://localhost:8787";
export const unsubscribeKey = "test-unsubscribe-signing-key-0123456789";

export function notificationDeps(overrides: Partial<NotificationDeps> = {}): NotificationDeps {
  return {
    appUrl,
    apiUrl,
    unsubscribeKey,
    transport: createEmailTransport({ kind: "dev", from: "HomeTrip <no-reply@hometrip.test>" }),
    push: null,
    sms: null,
    timing: { awayDelayMs: 2 * 60_000, digestWindowMs: 15 * 60_000 },
    ...overrides,
  };
}

/** A real envelope, checked against the catalog the way the events route checks deliveries. */
export function envelope<T extends EventType>(
  type: T,
  payload: EventPayloadInput<T>,
  at = new Date(),
): KnownEventEnvelope {
  const parsed = parseEventEnvelope({
    id: randomUUID(),
    type,
    version: eventCatalog[type].version,
    occurredAt: at.toISOString(),
    payload,
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.event;
}

/**
 * Applies an event once, as the events route does after verifying the delivery, with its
 * post-commit step: room deliveries go to `rooms` (by default a recording one), the events the
 * handlers recorded are relayed to a publisher that keeps them.
 */
export async function deliver(
  db: Database,
  deps: NotificationDeps,
  event: KnownEventEnvelope,
  now: Date,
  opts: { rooms?: RoomDelivery } = {},
) {
  const handlers = createEventHandlers({
    notifications: deps,
    mail: { appUrl: deps.appUrl, transport: deps.transport },
  });
  const published: EventEnvelope[] = [];
  const afterCommit = workerAfterCommit({
    db,
    publisher: { publish: async (envelope) => void published.push(envelope) },
    rooms: opts.rooms ?? recordingRoomDelivery(),
  });
  return processEvent(db, handlers, event, { log: silentLogger, now, afterCommit });
}

/** What a member's user room was sent, in order (`recordingRoomDelivery().sent`). */
export function userRoomEvents(sent: ReturnType<typeof recordingRoomDelivery>["sent"], userId: string) {
  return sent.filter((d) => d.room === `user:${userId}`).map((d) => d.event);
}

export async function createConversation(db: Database, guestId: string, hostId: string): Promise<string> {
  const [row] = await db.insert(conversations).values({ guestId }).returning({ id: conversations.id });
  if (!row) throw new Error("conversation insert returned nothing");
  await db.insert(conversationParticipants).values([
    { conversationId: row.id, userId: guestId, role: "guest" },
    { conversationId: row.id, userId: hostId, role: "host" },
  ]);
  return row.id;
}

export function messageSent(opts: {
  conversationId: string;
  seq: number;
  senderId: string;
  recipientId: string;
  body?: string;
  at: Date;
}) {
  return envelope(
    "message.sent",
    {
      messageId: randomUUID(),
      conversationId: opts.conversationId,
      seq: opts.seq,
      senderId: opts.senderId,
      recipientIds: [opts.recipientId],
      body: opts.body ?? `Message number ${opts.seq}`,
      masked: false,
      attachments: [],
      createdAt: opts.at.toISOString(),
    },
    opts.at,
  );
}

export const minutes = (n: number) => n * 60_000;
export const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
