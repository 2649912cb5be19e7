import { randomInt } from "node:crypto";
import { defineConfig } from "@playwright/test";

// A client address for this run; each test then takes one of its own (e2e/test.ts), so the API's
// per-IP limits never trip across the suite.
const clientAddress = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * End-to-end tests in Debian's Chromium (/usr/bin/chromium; Playwright never downloads a
 * browser here). globalSetup starts the whole stack with `bun run dev` on free ports and a
 * scratch database, and hands the web URL over in E2E_BASE_URL.
 */
export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "./test-results/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: { "x-forwarded-for": clientAddress },
    actionTimeout: 20_000,
    // A cold `next dev` compiles each page on its first visit.
    navigationTimeout: 90_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
