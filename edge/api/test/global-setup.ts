import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  startNeonTunnel,
  startOidcProvider,
  startQStashBroker,
  startRedisBridge,
  startStripeStandIn,
} from "@hometrip/devstack";
import { bundleRealtimeWorker } from "@hometrip/realtime/workerd";
import { createTestDatabase } from "@hometrip/testkit";
import type { TestProject } from "vitest/node";
import { closedPort, startEventSink, startStripeWebhookSink } from "./consumer.ts";

const redisToken = "edge-test-redis-token";
const qstashToken = "edge-test-qstash-token";
const adminToken = "edge-test-admin-token-0123456789";
const appUrl = "http://localhost:3000";
const stripeKeys = {
  secret: "sk_test_edge_0123456789abcdef",
  publishable: "pk_test_edge_0123456789abcdef",
  webhook: "whsec_edge_test_0123456789abcdef",
};
const oauthClients = {
  google: { clientId: "edge-test-google-client", clientSecret: "edge-test-google-secret" },
  github: { clientId: "edge-test-github-client", clientSecret: "edge-test-github-secret" },
};

/**
 * Runs in Node before the workerd pool starts: the real local stand-ins on random ports, their
 * URLs handed to the Worker as bindings, so tests inside workerd use the production drivers.
 */
export default async function setup(project: TestProject) {
  const log = process.env.EDGE_TEST_DEBUG ? (line: string) => console.log(`[stack] ${line}`) : undefined;
  // Undone in reverse order at teardown, or at once if a later step fails to start.
  const cleanups: (() => Promise<unknown>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  try {
    const database = await createTestDatabase({ prefix: "edge_api" });
    cleanups.push(() => database.drop());
    const target = new URL(database.url);
    const tunnel = await startNeonTunnel({
      port: 0,
      allow: [`${target.hostname}:${target.port || "5432"}`],
      ...(log ? { log } : {}),
    });
    cleanups.push(() => tunnel.close());
    const redis = await startRedisBridge({
      port: 0,
      // A logical database of its own, emptied at every start: rate-limit counters and cached
      // searches from an earlier run would otherwise spend this run's budgets.
      redisUrl: process.env.TEST_EDGE_REDIS_URL ?? "redis://127.0.0.1:6379/11",
      token: redisToken,
      ...(log ? { log } : {}),
    });
    cleanups.push(() => redis.close());
    const flushed = await fetch(redis.url, {
      method: "POST",
      headers: { authorization: `Bearer ${redisToken}` },
      body: JSON.stringify(["FLUSHDB"]),
    });
    if (!flushed.ok) throw new Error(`could not empty the test Redis database: ${await flushed.text()}`);
    const dataDir = await mkdtemp(join(tmpdir(), "hometrip-edge-test-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const broker = await startQStashBroker({
      port: 0,
      dataDir,
      token: qstashToken,
      currentSigningKey: "sig_edge_test_current_0000000",
      nextSigningKey: "sig_edge_test_next_000000000",
      retryBackoff: () => 100,
      ...(log ? { log } : {}),
    });
    cleanups.push(() => broker.close());
    const sink = await startEventSink();
    cleanups.push(() => sink.close());
    const stripeSink = await startStripeWebhookSink();
    cleanups.push(() => stripeSink.close());
    const stripe = await startStripeStandIn({
      port: 0,
      secretKey: stripeKeys.secret,
      publishableKey: stripeKeys.publishable,
      webhook: { url: `${stripeSink.url}/webhooks/stripe`, secret: stripeKeys.webhook },
      ...(log ? { log } : {}),
    });
    cleanups.push(() => stripe.close());
    // Both sign-in providers; tests pick the returned user with POST ${OAUTH_GOOGLE_ISSUER}/__test/users.
    const oidc = await startOidcProvider({
      clients: (["google", "github"] as const).map((provider) => ({
        provider,
        ...oauthClients[provider],
        redirectUris: [`${appUrl}/auth/oauth/${provider}/callback`],
      })),
      ...(log ? { log } : {}),
    });
    cleanups.push(() => oidc.close());

    project.provide("bindings", {
      APP_ENV: "test",
      APP_VERSION: "9.9.9-test",
      DATABASE_URL: database.url,
      NEON_WS_PROXY: tunnel.wsProxy,
      // Guest search runs over the tunnel's POST /sql, as it does over Neon's endpoint in production.
      NEON_HTTP_ENDPOINT: tunnel.httpEndpoint,
      UPSTASH_REDIS_REST_URL: redis.url,
      UPSTASH_REDIS_REST_TOKEN: redisToken,
      QSTASH_URL: broker.url,
      QSTASH_TOKEN: qstashToken,
      EVENTS_DESTINATION_URL: sink.url,
      CORS_ORIGINS: "http://localhost:3000,https://app.hometrip.test",
      ADMIN_API_TOKEN: adminToken,
      ROOM_TOKEN_SECRET: "test-room-token-secret-0123456789abcdef",
      REALTIME_PUBLIC_URL: "http://127.0.0.1:1999",
      APP_URL: appUrl,
      JWT_SIGNING_KEYS: "test-1:test-jwt-signing-secret-0123456789abcdef",
      TOTP_ENCRYPTION_KEY: btoa("test-totp-encryption-key-32bytes"),
      UNSUBSCRIBE_SIGNING_KEY: "test-unsubscribe-signing-key-0123456789",
      OAUTH_GOOGLE_CLIENT_ID: oauthClients.google.clientId,
      OAUTH_GOOGLE_CLIENT_SECRET: oauthClients.google.clientSecret,
      OAUTH_GOOGLE_ISSUER: oidc.googleIssuer,
      OAUTH_GITHUB_CLIENT_ID: oauthClients.github.clientId,
      OAUTH_GITHUB_CLIENT_SECRET: oauthClients.github.clientSecret,
      OAUTH_GITHUB_AUTHORIZE_URL: oidc.github.authorizeUrl,
      OAUTH_GITHUB_TOKEN_URL: oidc.github.tokenUrl,
      OAUTH_GITHUB_API_URL: oidc.github.apiUrl,
      STRIPE_SECRET_KEY: stripeKeys.secret,
      STRIPE_API_BASE: stripe.url,
      STRIPE_WEBHOOK_SECRET: stripeKeys.webhook,
    });
    project.provide("realtimeScript", await bundleRealtimeWorker(join(dataDir, "realtime")));
    project.provide("unreachableUrl", `http://127.0.0.1:${await closedPort()}`);
    project.provide("eventSinkUrl", sink.url);
    project.provide("stripeWebhookSinkUrl", stripeSink.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    bindings: Record<string, string>;
    /** The realtime Worker bundled by wrangler, run beside the API as `hometrip-realtime`. */
    realtimeScript: string;
    unreachableUrl: string;
    eventSinkUrl: string;
    stripeWebhookSinkUrl: string;
  }
}
