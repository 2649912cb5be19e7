import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readOutboxRow, waitForDelivery } from "./db.ts";
import { createTestClient, json, operatorHeaders, trpcMutation, trpcQuery } from "./harness.ts";

type TrpcError = {
  error: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      requestId: string;
      path: string;
      issues?: { path: string; message: string }[];
    };
  };
};

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
    const response = await trpcQuery("system.health", undefined, {
      UPSTASH_REDIS_REST_URL: env.TEST_UNREACHABLE_URL,
    });
    const body = await json<{ result: { data: { status: string; down: string[] } } }>(response);
    expect(response.status).toBe(200);
    expect(body.result.data).toMatchObject({ status: "degraded", down: ["redis"] });
  });
});

describe("system.ping", () => {
  it("rejects bad input with 400 BAD_REQUEST naming the field", async () => {
    const response = await trpcMutation("system.ping", { note: "" }, operatorHeaders());
    const body = await json<TrpcError>(response);
    expect(response.status).toBe(400);
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.issues).toEqual([{ path: "note", message: expect.any(String) }]);
    expect(body.error.data.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("rejects a caller without a token with 401", async () => {
    const response = await trpcMutation("system.ping", { note: "hello" });
    const body = await json<TrpcError>(response);
    expect(response.status).toBe(401);
    expect(body.error).toMatchObject({
      message: "A valid operator token is required",
      data: { code: "UNAUTHORIZED", path: "system.ping", requestId: expect.any(String) },
    });
  });

  it("rejects a wrong token with 401", async () => {
    const response = await trpcMutation(
      "system.ping",
      { note: "hello" },
      operatorHeaders("not-the-admin-token-at-all"),
    );
    expect(response.status).toBe(401);
    expect((await json<TrpcError>(response)).error.data.code).toBe("UNAUTHORIZED");
  });

  it("writes an outbox row, relays it after the response and the broker delivers it", async () => {
    const note = `edge ping ${crypto.randomUUID()}`;
    const response = await trpcMutation("system.ping", { note }, operatorHeaders());
    const body = await json<{ result: { data: { eventId: string } } }>(response);
    expect(response.status).toBe(200);
    const { eventId } = body.result.data;

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
    const response = await trpcMutation("system.ping", { note }, operatorHeaders(), {
      QSTASH_URL: env.TEST_UNREACHABLE_URL,
    });
    const body = await json<{ result: { data: { eventId: string } } }>(response);
    expect(response.status).toBe(200);

    const row = await readOutboxRow(body.result.data.eventId);
    expect(row?.published_at).toBeNull();
    expect(row?.attempts).toBe(1);
  });
});
