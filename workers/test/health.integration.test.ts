import { createQStashPublisher, silentLogger } from "@hometrip/core";
import { createDb } from "@hometrip/db";
import { Receiver } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerApp } from "../src/app.ts";
import { brokerToken, type EventStack, startEventStack } from "./support/event-stack.ts";
import { signingKeys } from "./support/signing.ts";

let stack: EventStack;
beforeAll(async () => {
  stack = await startEventStack();
});
afterAll(async () => {
  await stack?.close();
});

describe("GET /health", () => {
  it("is green when Postgres answers", async () => {
    const response = await fetch(`${stack.workersUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", checks: { postgres: "ok" } });
  });

  it("answers 503 naming Postgres when it cannot be reached", async () => {
    // The tunnel refuses this target, as it would a Postgres that is down.
    const { db, pool } = createDb({
      databaseUrl: "postgres://postgres@127.0.0.1:1/none",
      wsProxy: stack.wsProxy,
    });
    const app = createWorkerApp({
      db,
      log: silentLogger,
      receiver: new Receiver({ currentSigningKey: signingKeys.current, nextSigningKey: signingKeys.next }),
      publisher: createQStashPublisher({
        qstashUrl: stack.brokerUrl,
        token: brokerToken,
        destinationUrl: "",
      }),
    });
    try {
      const response = await app.request("/health");
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "down", down: ["postgres"] });
    } finally {
      await pool.end().catch(() => {});
    }
  });
});
