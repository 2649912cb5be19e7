import type { Broker } from "./broker.ts";
import { deleteDeadLetters, listDeadLetters, retryDeadLetters } from "./dead-letter.ts";
import { BrokerError, type Route } from "./http.ts";
import type { QueueRecord, StoredMessage } from "./types.ts";
import { messageToWire } from "./wire.ts";

function withQuery(query: URLSearchParams, field: string, values: string[]): URLSearchParams {
  const copy = new URLSearchParams(query);
  copy.delete(field);
  for (const value of values) copy.append(field, value);
  return copy;
}

async function cancelMessages(broker: Broker, messages: StoredMessage[]): Promise<number> {
  for (const m of messages) {
    broker.scheduler.cancel(m.messageId);
    await broker.store.messages.delete(m.messageId);
    if (m.queueName) broker.scheduler.pumpQueue(m.queueName);
  }
  return messages.length;
}

function queueToWire(broker: Broker, q: QueueRecord) {
  const lag = broker.store.messages.values().filter((m) => m.queueName === q.name).length;
  return {
    name: q.name,
    parallelism: q.parallelism,
    paused: q.paused,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    lag,
  };
}

function requireQueue(broker: Broker, name: string): QueueRecord {
  const queue = broker.store.queues.get(decodeURIComponent(name));
  if (!queue) throw new BrokerError(404, `queue ${name} not found`);
  return queue;
}

async function updateQueue(broker: Broker, queue: QueueRecord, patch: Partial<QueueRecord>) {
  await broker.store.queues.put({ ...queue, ...patch, updatedAt: Date.now() });
  broker.scheduler.pumpQueue(queue.name);
}

/** Messages, dead-letter list and queues: the management half of the API. */
export function adminRoutes(broker: Broker): Route[] {
  const { store } = broker;
  return [
    {
      method: "GET",
      path: /^\/v2\/messages\/([^/]+)$/,
      handle: ({ params }) => {
        const message = store.messages.get(decodeURIComponent(params[0]!));
        if (!message) throw new BrokerError(404, "message not found");
        return { status: 200, body: messageToWire(message) };
      },
    },
    {
      method: "DELETE",
      path: /^\/v2\/messages\/([^/]+)$/,
      handle: async ({ params }) => {
        const message = store.messages.get(decodeURIComponent(params[0]!));
        if (!message) throw new BrokerError(404, "message not found");
        return { status: 200, body: { cancelled: await cancelMessages(broker, [message]) } };
      },
    },
    {
      method: "DELETE",
      path: /^\/v2\/messages\/?$/,
      handle: async ({ query }) => {
        const ids = query.getAll("messageIds");
        const pick = (field: string, value: string | undefined) =>
          query.getAll(field).length === 0 || (value !== undefined && query.getAll(field).includes(value));
        const matching = store.messages
          .values()
          .filter((m) => ids.length === 0 || ids.includes(m.messageId))
          .filter(
            (m) => pick("url", m.url) && pick("queueName", m.queueName) && pick("scheduleId", m.scheduleId),
          )
          .filter((m) => query.getAll("label").every((l) => m.labels?.includes(l)));
        return { status: 200, body: { cancelled: await cancelMessages(broker, matching) } };
      },
    },
    {
      method: "GET",
      path: /^\/v2\/dlq\/?$/,
      handle: ({ query }) => ({ status: 200, body: listDeadLetters(broker, query) }),
    },
    {
      method: "DELETE",
      path: /^\/v2\/dlq\/([^/]+)$/,
      handle: async ({ params, query }) => {
        const id = decodeURIComponent(params[0]!);
        if (!store.deadLetters.get(id)) throw new BrokerError(404, "dlq message not found");
        return { status: 200, body: await deleteDeadLetters(broker, withQuery(query, "dlqIds", [id])) };
      },
    },
    {
      method: "DELETE",
      path: /^\/v2\/dlq\/?$/,
      handle: async ({ query }) => ({ status: 200, body: await deleteDeadLetters(broker, query) }),
    },
    {
      method: "POST",
      // The Client sends dlqIds as query parameters; /v2/dlq/retry/{dlqId} is accepted too.
      path: /^\/v2\/dlq\/retry(?:\/([^/]+))?\/?$/,
      handle: async ({ params, query }) => {
        const id = params[0] ? decodeURIComponent(params[0]) : undefined;
        if (id && !store.deadLetters.get(id)) throw new BrokerError(404, "dlq message not found");
        const filter = id ? withQuery(query, "dlqIds", [id]) : query;
        return { status: 200, body: await retryDeadLetters(broker, filter) };
      },
    },
    {
      method: "POST",
      path: /^\/v2\/queues\/?$/,
      handle: async ({ body }) => {
        let input: Partial<{ queueName: string; parallelism: number; paused: boolean }>;
        try {
          input = JSON.parse(body.toString("utf8") || "{}");
        } catch {
          throw new BrokerError(400, "queue upsert body must be JSON");
        }
        if (!input.queueName) throw new BrokerError(400, "queueName is required");
        const now = Date.now();
        const existing = store.queues.get(input.queueName);
        const queue = existing ?? {
          name: input.queueName,
          parallelism: 1,
          paused: false,
          createdAt: now,
          updatedAt: now,
        };
        await updateQueue(broker, queue, {
          parallelism: Math.max(1, input.parallelism ?? queue.parallelism),
          paused: input.paused ?? queue.paused,
        });
        return { status: 200 };
      },
    },
    {
      method: "GET",
      path: /^\/v2\/queues\/?$/,
      handle: () => ({ status: 200, body: store.queues.values().map((q) => queueToWire(broker, q)) }),
    },
    {
      method: "GET",
      path: /^\/v2\/queues\/([^/]+)$/,
      handle: ({ params }) => ({ status: 200, body: queueToWire(broker, requireQueue(broker, params[0]!)) }),
    },
    {
      method: "DELETE",
      path: /^\/v2\/queues\/([^/]+)$/,
      handle: async ({ params }) => {
        const queue = requireQueue(broker, params[0]!);
        await store.queues.delete(queue.name);
        await cancelMessages(
          broker,
          store.messages.values().filter((m) => m.queueName === queue.name),
        );
        return { status: 200 };
      },
    },
    {
      method: "POST",
      path: /^\/v2\/queues\/([^/]+)\/(pause|resume)$/,
      handle: async ({ params }) => {
        await updateQueue(broker, requireQueue(broker, params[0]!), { paused: params[1] === "pause" });
        return { status: 200 };
      },
    },
  ];
}
