import { randomBytes } from "node:crypto";
import type { TraceContext } from "@hometrip/contracts";
import { outbox, systemPings } from "@hometrip/db";
import { startTestRedis, type TestRedis } from "@hometrip/testkit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forwardToApi } from "../../apps/web/src/lib/api-proxy.ts";
import { createEventHandlers } from "../src/handlers/index.ts";
import { type ApiWorker, startApiWorker } from "./support/api-worker.ts";
import { brokerToken, type EventStack, startEventStack } from "./support/event-stack.ts";
import { waitFor } from "./support/wait.ts";

/**
 * One trace id across every hop: the browser's `traceparent` → the web proxy → the API Worker
 * (workerd) → the outbox row its write recorded → the QStash stand-in's delivery
 * (`Upstash-Forward-traceparent`) → the workers' handler context and log lines.
 */
const adminToken = "trace-admin-token-0123456789abcdef";
let stack: EventStack;
let redis: TestRedis;
let api: ApiWorker;
const handlerTraces: TraceContext[] = [];
const deliveredTraceparents: (string | null)[] = [];

beforeAll(async () => {
  const handlers = createEventHandlers();
  stack = await startEventStack({
    handlers: {
      ...handlers,
      "system.pinged": async (ctx) => {
        handlerTraces.push(ctx.trace);
        await handlers["system.pinged"](ctx);
      },
    },
    onRequest: (request) => {
      if (new URL(request.url).pathname === "/events")
        deliveredTraceparents.push(request.headers.get("traceparent"));
    },
  });
  redis = await startTestRedis({ database: 7, name: "trace" });
  api = await startApiWorker({
    APP_ENV: "test",
    DATABASE_URL: stack.databaseUrl,
    NEON_WS_PROXY: stack.wsProxy,
    UPSTASH_REDIS_REST_URL: redis.url,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    QSTASH_URL: stack.brokerUrl,
    QSTASH_TOKEN: brokerToken,
    EVENTS_DESTINATION_URL: stack.workersUrl,
    ADMIN_API_TOKEN: adminToken,
    APP_URL: "http://localhost:3000",
    JWT_SIGNING_KEYS: "trace-1:trace-jwt-signing-secret-0123456789abcdef",
    TOTP_ENCRYPTION_KEY: btoa("trace-totp-encryption-key-32byte"),
    // Required settings this trace never reaches (no payment, room or unsubscribe link in it).
    STRIPE_SECRET_KEY: "sk_test_trace_0123456789abcdef",
    STRIPE_WEBHOOK_SECRET: "whsec_trace_0123456789abcdef",
    ROOM_TOKEN_SECRET: "trace-room-token-secret-0123456789abcdef",
    REALTIME_PUBLIC_URL: "http://127.0.0.1:9",
    UNSUBSCRIBE_SIGNING_KEY: "trace-unsubscribe-signing-key-0123456789",
  });
}, 120_000);

afterAll(async () => {
  await api?.close();
  await redis?.close();
  await stack?.close();
});

describe("a trace across web proxy, edge, outbox, QStash and workers", () => {
  it("keeps the browser's trace id at every hop, each hop with a span of its own", async () => {
    const traceId = randomBytes(16).toString("hex");
    const browserSpan = randomBytes(8).toString("hex");
    const note = `trace ${traceId}`;
    const request = new Request("http://web.test/trpc/system.ping", {
      method: "POST",
      headers: {
        traceparent: `00-${traceId}-${browserSpan}-01`,
        authorization: `Bearer ${adminToken}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ note }),
    });

    // web proxy → edge
    const answer = await forwardToApi(request, { apiUrl: api.url });
    expect(answer.status, await answer.clone().text()).toBe(200);
    expect(answer.headers.get("x-trace-id")).toBe(traceId);
    const { result } = (await answer.json()) as { result: { data: { eventId: string } } };
    const eventId = result.data.eventId;

    // edge logs
    const edgeLines = api.logs.filter((line) => line.includes(traceId)).map((line) => JSON.parse(line));
    expect(edgeLines.some((l) => l.message === "request" && l.path === "/trpc/system.ping")).toBe(true);

    // outbox row: same trace, the edge's span as parent (neither the browser's nor the proxy's)
    const [row] = await stack.db
      .select({ traceparent: outbox.traceparent })
      .from(outbox)
      .where(sql`${outbox.id} = ${eventId}`);
    const [, rowTrace, edgeSpan] = (row?.traceparent ?? "").split("-");
    expect(rowTrace).toBe(traceId);
    expect(edgeSpan).not.toBe(browserSpan);

    // QStash stand-in delivery → workers: the forwarded header, the handler's context, the log line
    await waitFor("the ping's effect", async () => {
      const rows = await stack.db.select().from(systemPings).where(sql`${systemPings.eventId} = ${eventId}`);
      return rows[0];
    });
    expect(deliveredTraceparents).toContain(row?.traceparent);
    const handled = handlerTraces.find((t) => t.traceId === traceId);
    expect(handled?.parentSpanId).toBe(edgeSpan);
    expect(handled?.spanId).not.toBe(edgeSpan);
    const processed = stack.logs.find((l) => l.message === "event processed" && l.fields.eventId === eventId);
    expect(processed?.fields.traceId).toBe(traceId);
  });

  it("puts the trace id beside the request id in an error answer", async () => {
    const traceId = randomBytes(16).toString("hex");
    const request = new Request("http://web.test/trpc/system.ping", {
      method: "POST",
      headers: {
        traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ note: "no token" }),
    });
    const answer = await forwardToApi(request, { apiUrl: api.url });
    expect(answer.status).toBe(401);
    const body = (await answer.json()) as { error: { data: { requestId: string; traceId: string } } };
    expect(body.error.data.traceId).toBe(traceId);
    expect(body.error.data.requestId).toBe(answer.headers.get("x-request-id"));
  });
});
