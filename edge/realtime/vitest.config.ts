import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export const testSecrets = {
  ROOM_TOKEN_SECRET: "test-room-token-secret-0123456789abcdef",
  REALTIME_INTERNAL_TOKEN: "test-realtime-internal-token",
};

// The rooms run inside workerd with the same wrangler.toml as `wrangler dev` and production. The
// heartbeat timeout is short so that the presence tests wait seconds, not half a minute.
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { ...testSecrets, APP_ENV: "test", PRESENCE_TIMEOUT_MS: "1200" } },
    }),
  ],
  test: { include: ["test/**/*.test.ts"], testTimeout: 20_000 },
});
