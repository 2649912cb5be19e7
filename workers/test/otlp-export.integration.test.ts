import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { silentLogger } from "@hometrip/core";
import { systemPings } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOtlpExporter, parseOtlpHeaders } from "../src/tracing/otlp-exporter.ts";
import { type EventStack, startEventStack } from "./support/event-stack.ts";
import { pingEnvelope } from "./support/signing.ts";
import { waitFor } from "./support/wait.ts";

type OtlpSpan = {
  traceId: string;
  spanId: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: unknown[];
};
type OtlpBody = {
  resourceSpans: { resource: { attributes: unknown[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
};
type Exported = { path: string; headers: Record<string, unknown>; body: OtlpBody };

/** A stand-in OpenTelemetry collector: records each OTLP/HTTP JSON export it receives. */
let collector: Server;
let collectorUrl: string;
const exports: Exported[] = [];
let stack: EventStack;
let exporter: ReturnType<typeof createOtlpExporter>;

beforeAll(async () => {
  collector = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      exports.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(raw) });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  exporter = createOtlpExporter({
    endpoint: collectorUrl,
    serviceName: "hometrip-workers-test",
    headers: parseOtlpHeaders("x-api-key=secret%3D1"),
    log: silentLogger,
    intervalMs: 60_000,
  });
  stack = await startEventStack({ spans: exporter });
});

afterAll(async () => {
  await exporter?.shutdown();
  await stack?.close();
  await new Promise<void>((resolve) => collector.close(() => resolve()));
});

describe("OTLP export from the workers", () => {
  it("exports each handled delivery as a consumer span in the event's trace", async () => {
    const traceId = randomBytes(16).toString("hex");
    const parent = randomBytes(8).toString("hex");
    const id = randomUUID();
    await stack.publisher.publish({ ...pingEnvelope({ id }), traceparent: `00-${traceId}-${parent}-01` });
    await waitFor("the ping's effect", async () => {
      const rows = await stack.db.select().from(systemPings).where(eq(systemPings.eventId, id));
      return rows[0];
    });
    await exporter.flush();

    const sent = exports.find((e) => JSON.stringify(e.body).includes(traceId));
    expect(sent?.path).toBe("/v1/traces");
    expect(sent?.headers["x-api-key"]).toBe("secret=1");
    const resource = sent?.body.resourceSpans[0];
    expect(resource?.resource.attributes).toContainEqual({
      key: "service.name",
      value: { stringValue: "hometrip-workers-test" },
    });
    const span = resource?.scopeSpans[0]?.spans.find((s) => s.traceId === traceId);
    expect(span).toMatchObject({
      traceId,
      parentSpanId: parent,
      name: "event system.pinged",
      kind: 5,
      status: { code: 1 },
    });
    expect(span?.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(BigInt(span?.endTimeUnixNano ?? 0)).toBeGreaterThanOrEqual(BigInt(span?.startTimeUnixNano ?? 1));
    expect(span?.attributes).toContainEqual({ key: "hometrip.event.id", value: { stringValue: id } });
  });
});
