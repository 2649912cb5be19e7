import { randomBytes } from "node:crypto";
import { type EventPublisher, recordEvent } from "@hometrip/core";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { Receiver } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerApp } from "../src/app.ts";
import { createJsonLogger } from "../src/log.ts";
import { signDelivery, signingKeys } from "./support/signing.ts";

const origin = "http://workers.test";
const sweepUrl = `${origin}/jobs/outbox-sweep`;
let database: TunnelledDatabase;
const lines: Record<string, unknown>[] = [];
/** The broker is down: the sweep's relay logs a failure for each row, from inside core. */
const brokerDown: EventPublisher = {
  publish: async () => {
    throw new Error("broker unreachable");
  },
};

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "job_trace" });
});
afterAll(async () => {
  await database?.close();
});

function sweep(headers: Record<string, string> = {}) {
  const app = createWorkerApp({
    db: database.db,
    receiver: new Receiver({ currentSigningKey: signingKeys.current, nextSigningKey: signingKeys.next }),
    publisher: brokerDown,
    // The production logger, writing its JSON lines here instead of stdout.
    log: createJsonLogger({ service: "workers" }, (_level, line) => lines.push(JSON.parse(line))),
    publicUrl: origin,
  });
  const body = "{}";
  return app.request(sweepUrl, {
    method: "POST",
    headers: { "upstash-signature": signDelivery({ url: sweepUrl, body }), ...headers },
    body,
  });
}

/** What one request wrote, from the line count before it. */
const linesSince = (start: number) => lines.slice(start);

describe("job routes' traces", () => {
  it("continue the schedule's forwarded traceparent in every line the job writes, core's included", async () => {
    await database.db.transaction((tx) =>
      recordEvent(tx, "system.pinged", { note: "left behind", requestedBy: "job-trace-test" }),
    );
    const traceId = randomBytes(16).toString("hex");
    const start = lines.length;
    const response = await sweep({ traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-trace-id")).toBe(traceId);

    const written = linesSince(start);
    expect(written.map((line) => line.message)).toEqual(
      expect.arrayContaining(["outbox publish failed", "outbox sweep finished"]),
    );
    for (const line of written)
      expect(line, String(line.message)).toMatchObject({ service: "workers", traceId });
  });

  it("start a trace of their own when the delivery brings none, one per request", async () => {
    const traceIds: string[] = [];
    for (let run = 0; run < 2; run++) {
      const start = lines.length;
      const response = await sweep();
      expect(response.status).toBe(200);
      const traceId = response.headers.get("x-trace-id") ?? "";
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      const written = linesSince(start);
      expect(written.length).toBeGreaterThan(0);
      for (const line of written) expect(line.traceId, String(line.message)).toBe(traceId);
      traceIds.push(traceId);
    }
    expect(traceIds[0]).not.toBe(traceIds[1]);
  });

  it("stamp the trace on a refused delivery's line too", async () => {
    const start = lines.length;
    const response = await sweep({ "upstash-signature": "not.a.jwt" });
    expect(response.status).toBe(401);
    const traceId = response.headers.get("x-trace-id");
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(linesSince(start)).toEqual([expect.objectContaining({ message: "rejected signature", traceId })]);
  });
});
