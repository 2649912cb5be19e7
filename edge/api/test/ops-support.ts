import { call } from "./harness.ts";

/** Rollups of one test only: every request of the test goes to its own key prefix. */
export const metricsPrefix = (tag: string) => ({
  METRICS_KEY_PREFIX: `test-${tag}-${crypto.randomUUID().slice(0, 8)}`,
});

export type Cf = { colo: string; continent: string; country: string; region?: string };

export const lisbon: Cf = { colo: "LIS", continent: "EU", country: "PT", region: "Lisbon" };
export const frankfurt: Cf = { colo: "FRA", continent: "EU", country: "DE", region: "Hesse" };
export const ashburn: Cf = { colo: "IAD", continent: "NA", country: "US", region: "Virginia" };
export const tokyo: Cf = { colo: "NRT", continent: "AS", country: "JP", region: "Tokyo" };

/** A request as if it landed at `cf.colo`: workerd keeps the `cf` a Request is built with. */
export function callFrom(cf: Cf, path: string, overrides: Record<string, string>, init: RequestInit = {}) {
  return call(path, { ...init, cf } as RequestInit, overrides);
}

export const trpcGet = (path: string, input?: unknown) =>
  `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
