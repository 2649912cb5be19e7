import { deadLetters, outboxBacklog, parseWorkerMetrics } from "@hometrip/core";
import type { Services } from "../../services/index.ts";
import { errorFields } from "../../services/logger.ts";
import { adminProcedure } from "../../trpc.ts";
import { queuesMeta, ZQueuesRequestSchema, ZQueuesResponseSchema } from "./queues.types.ts";

/**
 * The event pipeline as ops see it: the outbox from Postgres, dead letters from QStash's API, and
 * the workers' own counters from their /metrics (WORKERS_METRICS_URL, read with METRICS_TOKEN).
 */
export const queuesProcedure = adminProcedure
  .meta(queuesMeta)
  .input(ZQueuesRequestSchema)
  .output(ZQueuesResponseSchema)
  .query(async ({ ctx }) => {
    const { config } = ctx.services;
    const [outbox, dlq, workers] = await Promise.all([
      read(ctx.services, "outbox", () => outboxBacklog(ctx.services.db)),
      read(ctx.services, "dead letters", () =>
        deadLetters({ qstashUrl: config.QSTASH_URL, token: config.QSTASH_TOKEN }),
      ),
      config.WORKERS_METRICS_URL && config.METRICS_TOKEN
        ? read(ctx.services, "worker metrics", () =>
            workerStats(config.WORKERS_METRICS_URL!, config.METRICS_TOKEN!),
          )
        : Promise.resolve({ status: "not_configured" as const }),
    ]);
    return { outbox, deadLetters: dlq, workers };
  });

async function read<T>(services: Services, what: string, load: () => Promise<T>) {
  try {
    return { status: "ok" as const, data: await load() };
  } catch (error) {
    services.logger.warn(`ops: ${what} unavailable`, errorFields(error));
    return { status: "unavailable" as const, reason: `${what} could not be read` };
  }
}

async function workerStats(baseUrl: string, token: string) {
  const response = await fetch(`${baseUrl.replace(/\/$/, "")}/metrics`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(3000),
  });
  if (!response.ok) throw new Error(`workers answered ${response.status}`);
  return parseWorkerMetrics(await response.text());
}
