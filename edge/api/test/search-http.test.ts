import { env } from "cloudflare:workers";
import type { SearchResult } from "@hometrip/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { json, trpcQuery } from "./harness.ts";
import { insertHome, insertHost, randomArea } from "./search-fixtures.ts";

type Ok = { result: { data: SearchResult } };

const area = randomArea();
let homeId = "";

/** POST /sql requests the Neon stand-in has served (all test files share it, so it only grows). */
async function sqlRequestsServed(): Promise<number> {
  const response = await fetch(new URL("/health", env.NEON_HTTP_ENDPOINT));
  return ((await response.json()) as { sql: { requests: number } }).sql.requests;
}

// A price ceiling far above the home's, new each time: the Redis cache never holds the query, so it runs.
const uncachedSearch = (overrides: Parameters<typeof trpcQuery>[2] = {}) =>
  trpcQuery(
    "search.listings",
    { bounds: area.bounds, priceMax: 1_000_000 + Math.floor(Math.random() * 1_000_000_000) },
    overrides,
  );

beforeAll(async () => {
  const { hostId } = await insertHost();
  homeId = await insertHome(hostId, area, { title: "Quayside studio", city: "Portmere", nightly: 8_000 });
});

describe("search.listings over Neon's SQL-over-HTTP endpoint", () => {
  it("runs a cache miss as a POST /sql to the endpoint in NEON_HTTP_ENDPOINT", async () => {
    expect(env.NEON_HTTP_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sql$/);
    const before = await sqlRequestsServed();
    const response = await uncachedSearch();
    expect(response.status).toBe(200);
    expect(response.headers.get("x-search-cache")).toBe("miss");
    expect((await json<Ok>(response)).result.data.hits.map((h) => h.id)).toEqual([homeId]);
    expect(await sqlRequestsServed()).toBeGreaterThan(before);
  });

  it("depends on that endpoint: pointed at a dead port, the search fails", async () => {
    const response = await uncachedSearch({ NEON_HTTP_ENDPOINT: `${env.TEST_UNREACHABLE_URL}/sql` });
    expect(response.status).toBe(500);
  });

  it("without NEON_HTTP_ENDPOINT runs the same search over the per-request Pool", async () => {
    const response = await uncachedSearch({ NEON_HTTP_ENDPOINT: undefined });
    expect(response.status).toBe(200);
    expect((await json<Ok>(response)).result.data.hits.map((h) => h.id)).toEqual([homeId]);
  });
});
