import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Tests run inside workerd with the same wrangler.toml as `wrangler dev` and production; only the
// bindings differ, pointing at the stand-ins test/global-setup.ts started on random ports.
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: "../../wrangler.toml" },
      miniflare: {
        bindings: {
          ...inject("bindings"),
          TEST_UNREACHABLE_URL: inject("unreachableUrl"),
          TEST_EVENT_SINK_URL: inject("eventSinkUrl"),
        },
      },
    })),
  ],
  test: {
    globalSetup: ["./test/global-setup.ts"],
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
