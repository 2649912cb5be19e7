import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { WorkerDeps } from "../deps.ts";
import type { TracedEnv } from "../tracing/request-trace.ts";

const checkTimeoutMs = 3000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** GET /health — 200 when Postgres answers, else 503 naming it. */
export function healthRoute(deps: WorkerDeps) {
  const app = new Hono<TracedEnv>();
  app.get("/health", async (c) => {
    try {
      await withTimeout(deps.db.execute(sql`select 1`), checkTimeoutMs);
      return c.json({ status: "ok", checks: { postgres: "ok" } });
    } catch (error) {
      c.var.log.warn("health check failed", { check: "postgres", error: String(error) });
      return c.json({ status: "down", down: ["postgres"], checks: { postgres: "down" } }, 503);
    }
  });
  return app;
}
