import { dirname } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// The stand-ins start in the root project's globalSetup, which runs under plain Node resolution;
// the workers plugin (workerd conditions, everything inlined) would break ioredis, pg and ws.
// Tests run inside workerd with the same wrangler.toml as `wrangler dev` and production; only
// the bindings differ, pointing at the stand-ins on random ports.
export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    projects: [
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "../../wrangler.toml" },
            miniflare: {
              bindings: {
                ...inject("bindings"),
                TEST_UNREACHABLE_URL: inject("unreachableUrl"),
                TEST_EVENT_SINK_URL: inject("eventSinkUrl"),
                TEST_STRIPE_WEBHOOK_SINK_URL: inject("stripeWebhookSinkUrl"),
                // Metrics rollups written with each request, so a test reads what it just did.
                METRICS_FLUSH_SECONDS: "0",
                // The fuzz suite's budget and seed: FUZZ_RUNS=500 to search longer, FUZZ_SEED to replay.
                FUZZ_RUNS: process.env.FUZZ_RUNS ?? "",
                FUZZ_SEED: process.env.FUZZ_SEED ?? "",
              },
              // The API's tests reach the rooms the way the post-commit step does (RoomDelivery).
              serviceBindings: { TEST_REALTIME: "hometrip-realtime" },
              workers: [
                {
                  // The realtime Worker as deployed, so the bindings with script_name reach real rooms.
                  name: "hometrip-realtime",
                  modules: true,
                  scriptPath: inject("realtimeScript"),
                  // The bundle lives in the run's temp dir; its module names are relative to it.
                  modulesRoot: dirname(inject("realtimeScript")),
                  compatibilityDate: "2026-04-26",
                  compatibilityFlags: ["nodejs_compat"],
                  durableObjects: {
                    ConversationRoom: { className: "ConversationRoom", useSQLite: true },
                    UserRoom: { className: "UserRoom", useSQLite: true },
                  },
                  bindings: {
                    APP_ENV: "test",
                    ROOM_TOKEN_SECRET: inject("bindings").ROOM_TOKEN_SECRET ?? "",
                    REALTIME_INTERNAL_TOKEN: "edge-test-realtime-internal-token",
                  },
                },
              ],
            },
          })),
        ],
        test: {
          name: "edge-api",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.node.test.ts"],
          testTimeout: 20_000,
        },
      },
      // Build-time tooling (the OpenAPI generator) runs under Node, never in the Worker.
      { test: { name: "edge-api-node", include: ["test/**/*.node.test.ts"], environment: "node" } },
    ],
    hookTimeout: 60_000,
    // The Worker logs a JSON line per request; show them only for failing tests.
    silent: "passed-only",
  },
});
