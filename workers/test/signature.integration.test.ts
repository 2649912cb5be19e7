import { processedEvents, systemPings } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventStack, startEventStack } from "./support/event-stack.ts";
import { pingEnvelope, signDelivery, signingKeys } from "./support/signing.ts";
import { waitFor } from "./support/wait.ts";

let stack: EventStack;
beforeAll(async () => {
  stack = await startEventStack();
});
afterAll(async () => {
  await stack?.close();
});

const eventsUrl = () => `${stack.workersUrl}/events`;

function post(body: string, signature?: string, url = eventsUrl()) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature) headers["upstash-signature"] = signature;
  return fetch(url, { method: "POST", headers, body });
}

async function effectsOf(eventId: string) {
  const pings = await stack.db.select().from(systemPings).where(eq(systemPings.eventId, eventId));
  const processed = await stack.db.select().from(processedEvents).where(eq(processedEvents.eventId, eventId));
  return pings.length + processed.length;
}

describe("POST /events rejects what QStash did not sign, with no side effect", () => {
  const cases: [string, (url: string, body: string) => { body: string; signature?: string }][] = [
    ["no signature", (_url, body) => ({ body })],
    [
      "a tampered body",
      (url, body) => ({
        body: body.replace("hello from a test", "hello from an attacker"),
        signature: signDelivery({ url, body }),
      }),
    ],
    [
      "an expired token",
      (url, body) => ({ body, signature: signDelivery({ url, body, issuedAtOffset: -600 }) }),
    ],
    [
      "a token not yet valid",
      (url, body) => ({ body, signature: signDelivery({ url, body, issuedAtOffset: 600 }) }),
    ],
    [
      "a foreign key",
      (url, body) => ({ body, signature: signDelivery({ url, body, key: "sig_someone_else_000000" }) }),
    ],
    [
      "a token for another destination",
      (_url, body) => ({ body, signature: signDelivery({ url: "http://elsewhere.test/events", body }) }),
    ],
    ["garbage in the header", (_url, body) => ({ body, signature: "not-a-jwt" })],
  ];

  it.each(cases)("%s → 401", async (_label, make) => {
    const envelope = pingEnvelope();
    const { body, signature } = make(eventsUrl(), JSON.stringify(envelope));
    const response = await post(body, signature);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await effectsOf(envelope.id)).toBe(0);
  });

  it("accepts the next signing key, so keys can rotate without downtime", async () => {
    const envelope = pingEnvelope();
    const body = JSON.stringify(envelope);
    const response = await post(body, signDelivery({ url: eventsUrl(), body, key: signingKeys.next }));
    expect(response.status).toBe(200);
    expect(await effectsOf(envelope.id)).toBe(2);
  });

  it("guards the sweep job the same way", async () => {
    const response = await post("", undefined, `${stack.workersUrl}/jobs/outbox-sweep`);
    expect(response.status).toBe(401);
  });
});

describe("POST /events with a signed but unprocessable body", () => {
  const signedPost = (body: string) => post(body, signDelivery({ url: eventsUrl(), body }));

  it("answers 400 (retryable) for an event type this build does not know yet", async () => {
    const envelope = pingEnvelope({ type: "system.rebooted" });
    const response = await signedPost(JSON.stringify(envelope));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ details: { kind: "unknown_type" } });
    expect(await effectsOf(envelope.id)).toBe(0);
  });

  it("answers 489 non-retryable for a payload that fails its schema", async () => {
    const envelope = pingEnvelope({ payload: { note: "" } });
    const response = await signedPost(JSON.stringify(envelope));
    expect(response.status).toBe(489);
    expect(response.headers.get("upstash-nonretryable-error")).toBe("true");
    expect(await response.json()).toMatchObject({ details: { kind: "invalid_payload" } });
    expect(await effectsOf(envelope.id)).toBe(0);
  });

  it("answers 489 non-retryable for a body that is not JSON", async () => {
    const response = await signedPost("{not json");
    expect(response.status).toBe(489);
  });

  it("lets the broker dead-letter such a message at once instead of retrying it", async () => {
    const envelope = pingEnvelope({ version: 1, payload: { note: 42 } });
    await stack.qstash.publishJSON({ url: eventsUrl(), body: envelope, retries: 3 });
    const dead = await waitFor("the dead letter", async () => {
      const { messages } = await stack.qstash.dlq.listMessages();
      return messages.find((m) => m.body?.includes(envelope.id));
    });
    expect(dead.responseStatus).toBe(489);
    const attempts = stack.logs.filter((l) => l.message === "unprocessable event");
    expect(
      attempts.filter((l) => JSON.stringify(l.fields).includes("invalid_payload")).length,
    ).toBeGreaterThan(0);
  });
});
