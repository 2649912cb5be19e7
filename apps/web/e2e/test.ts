import { randomInt } from "node:crypto";
import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * The API's per-IP limits (10 sign-ups an hour) count in the machine's one Redis, which outlives a
 * run, and the suite signs up more than ten members. Outside production the API reads the client
 * address from x-forwarded-for (the web proxy passes it on), so each test is a client of its own
 * (10.x.y.z), and contexts it opens with `browser.newContext()` share its address.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, "x-forwarded-for": freshClientAddress() });
  },
});

export function freshClientAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}
