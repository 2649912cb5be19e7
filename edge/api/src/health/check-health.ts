import type { Services } from "../services/index.ts";
import { errorFields } from "../services/logger.ts";
import { createRedisProbe } from "./redis-probe.ts";

export const dependencyNames = ["postgres", "redis", "broker"] as const;
export type DependencyName = (typeof dependencyNames)[number];

export type DependencyCheck = { status: "up" | "down"; latencyMs: number; error?: string };

export type HealthReport = {
  status: "ok" | "degraded";
  down: DependencyName[];
  checks: Record<DependencyName, DependencyCheck>;
};

/**
 * Probes every dependency at once, each bounded by `timeoutMs`, so one hung socket cannot hold
 * the answer. Probe errors are shown only outside production (they name hosts); always logged.
 */
export async function checkHealth(
  services: Pick<Services, "config" | "logger" | "pool">,
  opts: { timeoutMs?: number } = {},
): Promise<HealthReport> {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const { config } = services;
  const probes: Record<DependencyName, () => Promise<unknown>> = {
    postgres: () => services.pool.query("select 1"),
    redis: async () => {
      const redis = createRedisProbe({
        url: config.UPSTASH_REDIS_REST_URL,
        token: config.UPSTASH_REDIS_REST_TOKEN,
      });
      const answer = await redis.ping();
      if (answer !== "PONG") throw new Error(`unexpected PING answer ${String(answer)}`);
    },
    // Any HTTP answer means the broker is reachable; auth is exercised by real publishes.
    broker: async () => {
      const response = await fetch(config.QSTASH_URL, { method: "GET" });
      await response.body?.cancel();
    },
  };

  const results = await Promise.all(
    dependencyNames.map(async (name) => [name, await probe(probes[name], timeoutMs)] as const),
  );
  const expose = config.APP_ENV !== "production";
  const checks = {} as Record<DependencyName, DependencyCheck>;
  const down: DependencyName[] = [];
  for (const [name, result] of results) {
    if (result.status === "down") {
      down.push(name);
      services.logger.warn("dependency down", { dependency: name, ...errorFields(result.cause) });
    }
    checks[name] = {
      status: result.status,
      latencyMs: result.latencyMs,
      ...(expose && result.status === "down" ? { error: describe(result.cause) } : {}),
    };
  }
  return { status: down.length === 0 ? "ok" : "degraded", down, checks };
}

type ProbeResult = { status: "up" | "down"; latencyMs: number; cause?: unknown };

async function probe(run: () => Promise<unknown>, timeoutMs: number): Promise<ProbeResult> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs}ms`)), timeoutMs);
  });
  try {
    await Promise.race([run(), timeout]);
    return { status: "up", latencyMs: Date.now() - started };
  } catch (cause) {
    return { status: "down", latencyMs: Date.now() - started, cause };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
