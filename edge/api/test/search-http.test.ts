import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { beforeAll, describe, expect, it } from "vitest";
import type { Bindings } from "../src/context.ts";
import { createServices } from "../src/services/index.ts";
import { createLogger } from "../src/services/logger.ts";
import { sqlOverHttpRoute } from "../src/services/sql-over-http.ts";
import { createTestClient, settle } from "./harness.ts";
import { insertHome, insertHost, randomArea } from "./search-fixtures.ts";

const area = randomArea();
let homeId = "";

/** POST /sql requests the Neon stand-in has served (all test files share it, so it only grows). */
async function sqlRequestsServed(): Promise<number> {
  const response = await fetch(new URL("/health", env.NEON_HTTP_ENDPOINT));
  return ((await response.json()) as { sql: { requests: number } }).sql.requests;
}

// A price ceiling far above the home's, new each time: the Redis cache never holds the query, so it runs.
const uncachedSearch = (overrides: Partial<Bindings> = {}) =>
  settle(() =>
    createTestClient({}, overrides).search.listings.query({
      bounds: area.bounds,
      priceMax: 1_000_000 + Math.floor(Math.random() * 1_000_000_000),
    }),
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
    expect(response.data.hits.map((h) => h.id)).toEqual([homeId]);
    expect(await sqlRequestsServed()).toBeGreaterThan(before);
  });

  it("depends on that endpoint: pointed at a dead port, the search fails", async () => {
    const response = await uncachedSearch({ NEON_HTTP_ENDPOINT: `${env.TEST_UNREACHABLE_URL}/sql` });
    expect(response.status).toBe(500);
  });

  it("without NEON_HTTP_ENDPOINT runs the same search over the per-request Pool", async () => {
    const response = await uncachedSearch({ NEON_HTTP_ENDPOINT: undefined });
    expect(response.status).toBe(200);
    expect(response.data.hits.map((h) => h.id)).toEqual([homeId]);
  });
});

describe("where search's statement goes", () => {
  const neonUrl =
    "postgres://app:secret@ep-quiet-sky-123456.eu-central-1.aws.neon.tech/hometrip?sslmode=require";

  it("NEON_HTTP_ENDPOINT when set, Neon's own endpoint for a Neon database, otherwise none", () => {
    const local = "postgres://postgres@127.0.0.1:5432/hometrip";
    expect(
      sqlOverHttpRoute({ DATABASE_URL: local, NEON_HTTP_ENDPOINT: "http://127.0.0.1:4444/sql" }),
    ).toEqual({
      fetchEndpoint: "http://127.0.0.1:4444/sql",
    });
    expect(sqlOverHttpRoute({ DATABASE_URL: neonUrl, NEON_HTTP_ENDPOINT: undefined })).toEqual({});
    expect(sqlOverHttpRoute({ DATABASE_URL: local, NEON_HTTP_ENDPOINT: undefined })).toBeNull();
    // Only a host under neon.tech; a look-alike gets the Pool, never a derived `api.` endpoint.
    for (const host of ["neon.tech.example.com", "ep-x.neon.tech.evil.test", "notneon.tech"])
      expect(
        sqlOverHttpRoute({ DATABASE_URL: `postgres://u:p@${host}/db`, NEON_HTTP_ENDPOINT: undefined }),
      ).toBeNull();
  });

  it("a Worker configured for Neon without NEON_HTTP_ENDPOINT still searches over HTTP", () => {
    const base = parseEdgeEnv(env as unknown as Record<string, unknown>);
    const silent = createLogger({}, { write: () => {} });
    const onNeon = createServices({ ...base, DATABASE_URL: neonUrl, NEON_HTTP_ENDPOINT: undefined }, silent);
    expect(onNeon.services.httpSql).not.toBeNull();
    const elsewhere = createServices({ ...base, NEON_HTTP_ENDPOINT: undefined }, silent);
    expect(elsewhere.services.httpSql).toBeNull();
  });
});
