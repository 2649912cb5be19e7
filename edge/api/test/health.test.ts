import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, json } from "./harness.ts";

type Health = {
  status: string;
  down: string[];
  checks: Record<string, { status: string; latencyMs: number; error?: string }>;
};

describe("GET /health", () => {
  it("answers 200 ok when Postgres, Redis and the broker all answer", async () => {
    const response = await call("/health");
    const body = await json<Health>(response);

    expect(response.status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.down).toEqual([]);
    expect(body.checks.postgres?.status).toBe("up");
    expect(body.checks.redis?.status).toBe("up");
    expect(body.checks.broker?.status).toBe("up");
  });

  it("answers 503 naming redis when the Redis REST endpoint is unreachable", async () => {
    const response = await call("/health", {}, { UPSTASH_REDIS_REST_URL: env.TEST_UNREACHABLE_URL });
    const body = await json<Health>(response);

    expect(response.status).toBe(503);
    expect(body.status).toBe("degraded");
    expect(body.down).toEqual(["redis"]);
    expect(body.checks.redis?.status).toBe("down");
    expect(body.checks.redis?.error).toBeTruthy();
    expect(body.checks.postgres?.status).toBe("up");
  });

  it("answers 503 naming the broker when QStash is unreachable", async () => {
    const response = await call("/health", {}, { QSTASH_URL: env.TEST_UNREACHABLE_URL });
    const body = await json<Health>(response);

    expect(response.status).toBe(503);
    expect(body.down).toEqual(["broker"]);
  });

  it("answers 503 naming postgres when the database does not exist", async () => {
    const missing = new URL(env.DATABASE_URL ?? "");
    missing.pathname = "/no_such_database_for_health";
    const response = await call("/health", {}, { DATABASE_URL: missing.toString() });
    const body = await json<Health>(response);

    expect(response.status).toBe(503);
    expect(body.down).toEqual(["postgres"]);
  });

  it("keeps probe errors out of the body in production", async () => {
    const response = await call(
      "/health",
      {},
      { APP_ENV: "production", UPSTASH_REDIS_REST_URL: env.TEST_UNREACHABLE_URL },
    );
    const body = await json<Health>(response);

    expect(response.status).toBe(503);
    expect(body.checks.redis).toEqual({ status: "down", latencyMs: expect.any(Number) });
  });
});
