import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Integration tests start real servers (PGlite boots in a few seconds on a cold cache).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
