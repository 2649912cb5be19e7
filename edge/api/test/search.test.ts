import { env } from "cloudflare:workers";
import type { SearchResult } from "@hometrip/contracts";
import { createRedis } from "@hometrip/kv";
import { bumpSearchVersion } from "@hometrip/search";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createTestClient, json, trpcQuery } from "./harness.ts";
import { insertHome, insertHost, insertStay, randomArea, renameHome } from "./search-fixtures.ts";

type Ok = { result: { data: SearchResult } };
type Failure = { error: { data: { code: string; httpStatus: number; issues?: { path: string }[] } } };

const area = randomArea();
const ids = { harbour: "", garden: "", hill: "", draft: "" };
const redis = () =>
  createRedis({ url: env.UPSTASH_REDIS_REST_URL ?? "", token: env.UPSTASH_REDIS_REST_TOKEN ?? "" });

beforeAll(async () => {
  const { hostId, guestId } = await insertHost();
  ids.harbour = await insertHome(hostId, area, { title: "Harbour loft", city: "Valdoria", nightly: 9_000 });
  ids.garden = await insertHome(hostId, area, {
    title: "Garden flat",
    city: "Valdoria",
    nightly: 12_000,
    northKm: 1,
  });
  ids.hill = await insertHome(hostId, area, {
    title: "Hill house",
    city: "Montessa",
    nightly: 20_000,
    northKm: 2,
  });
  ids.draft = await insertHome(hostId, area, {
    title: "Draft flat",
    city: "Valdoria",
    nightly: 5_000,
    status: "draft",
  });
  await insertStay(ids.garden, guestId, "2031-03-10", "2031-03-15");
  // Other suites may have cached pages for this area's queries only if they guessed it; start clean anyway.
  await bumpSearchVersion(redis());
});

describe("search.listings", () => {
  it("never lets a shared cache keep a batch that also carries another call", async () => {
    const input = encodeURIComponent(
      JSON.stringify({ 0: { text: "Valdoria", bounds: area.bounds }, 1: { userId: crypto.randomUUID() } }),
    );
    const response = await call(`/trpc/search.listings,users.publicProfile?batch=1&input=${input}`);
    const results = await json<unknown[]>(response);
    expect(results).toHaveLength(2);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("finds published homes by a misspelt place inside the map, with card fields and public cache headers", async () => {
    const response = await trpcQuery("search.listings", { text: "Valdorria", bounds: area.bounds });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=60");
    const { hits, facets } = (await json<Ok>(response)).result.data;
    expect(hits.map((h) => h.id).sort()).toEqual([ids.harbour, ids.garden].sort());
    expect(hits.find((h) => h.id === ids.harbour)).toMatchObject({
      title: "Harbour loft",
      city: "Valdoria",
      coverPhotoUrl: `https://photos.test/${ids.harbour}.jpg`,
      nightlyPrice: 9_000,
      currency: "EUR",
      rating: { average: null, count: 0 },
    });
    expect(facets.propertyType).toEqual([{ value: "apartment", count: 2 }]);
  });

  it("leaves out homes booked on any night of the stay and prices the whole stay", async () => {
    const client = createTestClient();
    const result = await client.search.listings.query({
      bounds: area.bounds,
      checkIn: "2031-03-14",
      checkOut: "2031-03-17",
      sort: "price_asc",
    });
    expect(result.hits.map((h) => h.id)).toEqual([ids.harbour, ids.hill]);
    expect(result.hits[0]).toMatchObject({ nights: 3, totalPrice: 3 * 9_000 + 1_000 });
  });

  it("pages with the cursor it returns", async () => {
    const client = createTestClient();
    const first = await client.search.listings.query({ bounds: area.bounds, sort: "price_desc", limit: 2 });
    expect(first.hits.map((h) => h.id)).toEqual([ids.hill, ids.garden]);
    const second = await client.search.listings.query({
      bounds: area.bounds,
      sort: "price_desc",
      limit: 2,
      cursor: first.nextCursor ?? "",
    });
    expect(second.hits.map((h) => h.id)).toEqual([ids.harbour]);
    expect(second.nextCursor).toBeNull();
  });

  it("serves a repeated search from Redis until the search version is bumped", async () => {
    const query = { bounds: area.bounds, text: "harbour" };
    const first = await trpcQuery("search.listings", query);
    expect(first.headers.get("x-search-cache")).toBe("miss");
    const again = await trpcQuery("search.listings", query);
    expect(again.headers.get("x-search-cache")).toBe("hit");

    await renameHome(ids.harbour, "Harbour loft with terrace");
    const stale = (await json<Ok>(await trpcQuery("search.listings", query))).result.data;
    expect(stale.hits[0]?.title).toBe("Harbour loft");

    await bumpSearchVersion(redis());
    const fresh = await trpcQuery("search.listings", query);
    expect(fresh.headers.get("x-search-cache")).toBe("miss");
    expect((await json<Ok>(fresh)).result.data.hits[0]?.title).toBe("Harbour loft with terrace");
  });

  it("still answers, uncached, when Redis is down", async () => {
    const response = await trpcQuery(
      "search.listings",
      { bounds: area.bounds, text: "hill" },
      { UPSTASH_REDIS_REST_URL: env.TEST_UNREACHABLE_URL },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-search-cache")).toBe("bypass");
    expect((await json<Ok>(response)).result.data.hits.map((h) => h.id)).toEqual([ids.hill]);
  });

  it("rejects invalid input with 400 naming the field, and a forged cursor", async () => {
    const halfDates = await trpcQuery("search.listings", { checkIn: "2031-03-14" });
    expect(halfDates.status).toBe(400);
    const body = await json<Failure>(halfDates);
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.issues?.map((i) => i.path)).toEqual(["checkOut"]);

    // A stay that started before yesterday (UTC) is over everywhere: refused, not answered as free.
    const dayMs = 86_400_000;
    const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * dayMs).toISOString().slice(0, 10);
    const past = await trpcQuery("search.listings", {
      bounds: area.bounds,
      checkIn: iso(-3),
      checkOut: iso(-1),
    });
    expect(past.status).toBe(400);
    expect((await json<{ error: { message: string } }>(past)).error.message).toBe(
      `checkIn ${iso(-3)} has passed; the earliest check-in is ${iso(-1)}`,
    );
    // Yesterday is still today somewhere (UTC−12), so it is searched.
    const yesterday = await trpcQuery("search.listings", {
      bounds: area.bounds,
      checkIn: iso(-1),
      checkOut: iso(2),
    });
    expect(yesterday.status).toBe(200);

    const forged = await trpcQuery("search.listings", { bounds: area.bounds, cursor: "bm9wZQ" });
    expect(forged.status).toBe(400);
    expect(forged.headers.get("cache-control") ?? "").not.toContain("public");
  });
});
