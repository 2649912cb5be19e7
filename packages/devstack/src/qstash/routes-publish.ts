import type { Broker } from "./broker.ts";
import { BrokerError, destinationOf, type Route } from "./http.ts";
import { draftFromRequest } from "./publish-request.ts";

interface BatchEntry {
  destination?: unknown;
  headers?: unknown;
  body?: unknown;
  queue?: unknown;
}

function parseBatch(body: Buffer): BatchEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new BrokerError(400, "batch body must be a JSON array");
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new BrokerError(400, "batch body must be a non-empty JSON array");
  }
  return parsed as BatchEntry[];
}

export function publishRoutes(broker: Broker): Route[] {
  return [
    {
      method: "POST",
      path: /^\/v2\/publish\/(.+)$/s,
      handle: async ({ params, search, headers, body }) => {
        const url = destinationOf(params[0]!, search);
        const draft = draftFromRequest({ url, headers, body, now: Date.now() });
        return { status: 201, body: await broker.accept(draft) };
      },
    },
    {
      method: "POST",
      path: /^\/v2\/enqueue\/([^/]+)\/(.+)$/s,
      handle: async ({ params, search, headers, body }) => {
        const queueName = decodeURIComponent(params[0]!);
        const url = destinationOf(params[1]!, search);
        const draft = draftFromRequest({ url, headers, body, now: Date.now(), queueName });
        return { status: 201, body: await broker.accept(draft) };
      },
    },
    {
      method: "POST",
      path: /^\/v2\/batch\/?$/,
      handle: async ({ body }) => {
        const now = Date.now();
        // Validate every entry before accepting any, so a bad entry publishes nothing.
        const drafts = parseBatch(body).map((entry, index) => {
          if (typeof entry.destination !== "string") {
            throw new BrokerError(400, `batch[${index}].destination must be a URL`);
          }
          const headers = new Headers();
          for (const [name, value] of Object.entries((entry.headers ?? {}) as Record<string, unknown>)) {
            headers.set(name, String(value));
          }
          return draftFromRequest({
            url: destinationOf(entry.destination, ""),
            headers,
            body: Buffer.from(typeof entry.body === "string" ? entry.body : ""),
            now,
            queueName: typeof entry.queue === "string" ? entry.queue : undefined,
          });
        });
        // accept() takes ids, sequence numbers and dedup keys synchronously, so the batch keeps its
        // order while the disk writes of all its messages overlap instead of running one by one.
        const results = await Promise.all(drafts.map((draft) => broker.accept(draft)));
        return { status: 201, body: results };
      },
    },
  ];
}
