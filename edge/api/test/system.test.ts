import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readOutboxRow, waitForDelivery } from "./db.ts";
import { createTestClient, operatorHeaders, settle } from "./harness.ts";

describe("system.version", () => {
  it("reports the deployed version through the tRPC client", async () => {
    const version = await createTestClient().system.version.query();
    expect(version).toEqual({ name: "hometrip-api", version: "9.9.9-test", environment: "test" });
  });
});

describe("system.health", () => {
  it("reports every dependency up", async () => {
    const health = await createTestClient().system.health.query();
    expect(health.status).toBe("ok");
    expect(Object.values(health.checks).map((check) => check.status)).toEqual(["up", "up", "up"]);
  });

  it("reports redis down as data, not as an error", async () => {
    const response = await settle(() =>
      createTestClient(
        {},
        {
          UPSTASH_REDIS_REST_URL: env.TEST_UNREACHABLE_URL,
        },
      ).system.health.query(),
    );
    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({ status: "degraded", down: ["redis"] });
  });
});

describe("system.ping", () => {
  it("rejects bad input with 400 BAD_REQUEST naming the field", async () => {
    const response = await settle(() => createTestClient(operatorHeaders()).system.ping.mutate({ note: "" }));
    expect(response.status).toBe(400);
    expect(response.error?.code).toBe("BAD_REQUEST");
    expect(response.error?.issues).toEqual([{ path: "note", message: expect.any(String) }]);
    expect(response.error?.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("rejects a caller without a token with 401", async () => {
    const response = await settle(() => createTestClient().system.ping.mutate({ note: "hello" }));
    expect(response.status).toBe(401);
    expect(response.error).toMatchObject({
      message: "A valid operator token is required",
      code: "UNAUTHORIZED",
      path: "system.ping",
      requestId: expect.any(String),
    });
  });

  it("rejects a wrong token with 401", async () => {
    const response = await settle(() =>
      createTestClient(operatorHeaders("not-the-admin-token-at-all")).system.ping.mutate({ note: "hello" }),
    );
    expect(response.status).toBe(401);
    expect(response.error?.code).toBe("UNAUTHORIZED");
  });

  it("writes an outbox row, relays it after the response and the broker delivers it", async () => {
    const note = `edge ping ${crypto.randomUUID()}`;
    const response = await settle(() => createTestClient(operatorHeaders()).system.ping.mutate({ note }));
    expect(response.status).toBe(200);
    const { eventId } = response.data;

    // `call` waited for waitUntil, so the after-commit relay has run.
    const row = await readOutboxRow(eventId);
    expect(row).toMatchObject({ event_type: "system.pinged", payload: { note, requestedBy: "operator" } });
    expect(row?.published_at).not.toBeNull();

    const delivery = await waitForDelivery(eventId);
    expect(delivery?.body).toMatchObject({ id: eventId, type: "system.pinged", payload: { note } });
    expect(delivery?.signature).toBeTruthy();
  });

  it("still answers when the broker is down, leaving the event for the sweep", async () => {
    const note = `broker down ${crypto.randomUUID()}`;
    const response = await settle(() =>
      createTestClient(operatorHeaders(), {
        QSTASH_URL: env.TEST_UNREACHABLE_URL,
      }).system.ping.mutate({ note }),
    );
    expect(response.status).toBe(200);

    const row = await readOutboxRow(response.data.eventId);
    expect(row?.published_at).toBeNull();
    expect(row?.attempts).toBe(1);
  });
});
