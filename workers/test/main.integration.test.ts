import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { registerIcalImport, renderIcalFeed } from "@hometrip/core";
import { systemPings } from "@hometrip/db";
import { freePort, startStripeStandIn } from "@hometrip/devstack";
import { startTestRedis, type TestRedis } from "@hometrip/testkit";
import { futureDays } from "@hometrip/testkit/dates";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerToken, type EventStack, startEventStack } from "./support/event-stack.ts";
import { pingEnvelope, signDelivery, signingKeys } from "./support/signing.ts";
import { waitFor } from "./support/wait.ts";

// Dates from the clock: day(0) is a Wednesday about two months ahead, day(n) n days later.
const day = futureDays(3);

// `bun run test` puts bun's own path in npm_execpath; a plain `npx vitest` finds it on PATH.
const bun = process.env.npm_execpath?.match(/bun(\.exe)?$/) ? process.env.npm_execpath : "bun";
const workersDir = fileURLToPath(new URL("..", import.meta.url));

let stack: EventStack;
let cache: TestRedis;
beforeAll(async () => {
  stack = await startEventStack();
  // main.ts bumps the unprefixed search version key: a logical database of its own keeps that
  // away from whatever a running `bun run dev` keeps in database 0.
  cache = await startTestRedis({ name: "workers", database: 14 });
});
afterAll(async () => {
  await stack?.close();
  await cache?.close();
});

/** A listing and a local feed with one stay on it, for a signed /jobs/ical-import. */
async function importableListing() {
  const rows = await stack.db.execute(sql`
    with host as (
      insert into users (email, display_name) values ('main-host-' || gen_random_uuid() || '@x.test', 'Host')
      returning id)
    insert into listings (host_id, title, property_type, address_line1, city, country, lat, lng, timezone,
      capacity, bedrooms, beds, baths, nightly_price, currency)
    select id, 'Main home', 'house', 'Rua 3', 'Faro', 'PT', 37.0, -7.9, 'UTC', 2, 1, 1, 1, 8000, 'EUR' from host
    returning id`);
  const feed = renderIcalFeed({
    name: "Other platform",
    now: new Date(),
    events: [{ uid: "main@other", from: day(0), to: day(3), summary: "Booked" }],
  });
  const server = createHttpServer((_req, res) => res.end(feed));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const listingId = (rows.rows[0] as { id: string }).id;
  const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.ics`;
  await registerIcalImport(stack.db, { listingId, url: feedUrl });
  return {
    listingId,
    feedUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function signedPost(url: string, body: string) {
  return fetch(url, { method: "POST", headers: { "upstash-signature": signDelivery({ url, body }) }, body });
}

describe("bun src/main.ts", () => {
  it("boots from env, applies a signed delivery and an iCal import through its own pool and Redis, and stops cleanly on SIGTERM", async () => {
    const feed = await importableListing();
    const stripe = await startStripeStandIn({
      secretKey: "sk_test_main_0123456789",
      publishableKey: "pk_test_main_0123456789",
    });
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(bun, ["src/main.ts"], {
      cwd: workersDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        APP_ENV: "test",
        WORKERS_PORT: String(port),
        DATABASE_URL: stack.databaseUrl,
        NEON_WS_PROXY: stack.wsProxy,
        QSTASH_URL: stack.brokerUrl,
        QSTASH_TOKEN: brokerToken,
        QSTASH_CURRENT_SIGNING_KEY: signingKeys.current,
        QSTASH_NEXT_SIGNING_KEY: signingKeys.next,
        EVENTS_DESTINATION_URL: baseUrl,
        UPSTASH_REDIS_REST_URL: cache.url,
        UPSTASH_REDIS_REST_TOKEN: cache.token,
        APP_URL: "http://localhost:3000",
        EMAIL_TRANSPORT: "dev",
        STRIPE_SECRET_KEY: "sk_test_main_0123456789",
        STRIPE_API_BASE: stripe.url,
        UNSUBSCRIBE_SIGNING_KEY: "test-unsubscribe-signing-key-0123456789",
        API_PUBLIC_URL: "http://localhost:8787",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = once(child, "exit");
    try {
      await waitFor("workers health", async () => {
        const response = await fetch(`${baseUrl}/health`).catch(() => undefined);
        return response?.ok;
      });

      const envelope = pingEnvelope();
      const response = await signedPost(`${baseUrl}/events`, JSON.stringify(envelope));
      expect(response.status).toBe(200);
      expect(
        await stack.db.select().from(systemPings).where(eq(systemPings.eventId, envelope.id)),
      ).toHaveLength(1);

      // New blocks make every cached search stale: the version in the configured Redis moves on.
      const versionBefore = await cache.redis.get("search:version:all");
      const job = JSON.stringify({ listingId: feed.listingId, url: feed.feedUrl });
      const imported = await signedPost(`${baseUrl}/jobs/ical-import`, job);
      expect(await imported.json()).toMatchObject({ status: "imported", created: 1 });
      const versionAfter = await cache.redis.get("search:version:all");
      expect(versionAfter).toBeTruthy();
      expect(versionAfter).not.toEqual(versionBefore);

      // The payment jobs reach Stripe (here the stand-in) through the client main.ts builds.
      const payouts = await signedPost(`${baseUrl}/jobs/payouts`, "");
      expect(await payouts.json()).toMatchObject({ released: 0, failed: 0 });
      const reconciled = await signedPost(`${baseUrl}/jobs/payments-reconcile`, "");
      expect(await reconciled.json()).toEqual({ differences: [] });
    } finally {
      await stripe.close();
      child.kill("SIGTERM");
      await feed.close();
    }
    const [code] = await exited;
    expect(code, output).toBe(0);
    const lines = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { message: string });
    expect(lines.map((l) => l.message)).toEqual(
      expect.arrayContaining(["workers listening", "workers stopped"]),
    );
    expect(lines.find((l) => l.message === "workers listening")).toMatchObject({
      searchIndex: "postgres",
      liveNotifications: "none",
    });
  });

  it("refuses to start without its settings and names what is missing", async () => {
    const child = spawn(bun, ["src/main.ts"], { cwd: workersDir, env: { PATH: process.env.PATH } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL");
    expect(stderr).toContain("QSTASH_CURRENT_SIGNING_KEY");
    expect(stderr).toContain("UPSTASH_REDIS_REST_URL");
  });
});
