import { env } from "cloudflare:workers";
import { createRedis } from "@hometrip/kv";
import { bumpSearchVersion } from "@hometrip/search";
import { futureDays, utcDaysFromToday } from "@hometrip/testkit/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createTestClient, json, settle } from "./harness.ts";
import { insertHome, insertHost, insertStay, randomArea, renameHome } from "./search-fixtures.ts";

// Dates from the clock: day(0) is a Monday about two months ahead, day(n) n days later.
const day = futureDays(1);

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
  await insertStay(ids.garden, guestId, day(0), day(5));
  // Other suites may have cached pages for this area's queries only if they guessed it; start clean anyway.
  await bumpSearchVersion(redis());
});

const api = createTestClient();

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
    const response = await settle(() =>
      api.search.listings.query({ text: "Valdorria", bounds: area.bounds }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=60");
    const { hits, facets } = response.data;
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
    const client = api;
    const result = await client.search.listings.query({
      bounds: area.bounds,
      checkIn: day(4),
      checkOut: day(7),
      sort: "price_asc",
    });
    expect(result.hits.map((h) => h.id)).toEqual([ids.harbour, ids.hill]);
    expect(result.hits[0]).toMatchObject({ nights: 3, totalPrice: 3 * 9_000 + 1_000 });
  });

  it("pages with the cursor it returns", async () => {
    const client = api;
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
    const first = await settle(() => api.search.listings.query(query));
    expect(first.headers.get("x-search-cache")).toBe("miss");
    const again = await settle(() => api.search.listings.query(query));
    expect(again.headers.get("x-search-cache")).toBe("hit");

    await renameHome(ids.harbour, "Harbour loft with terrace");
    const stale = (await settle(() => api.search.listings.query(query))).data;
    expect(stale.hits[0]?.title).toBe("Harbour loft");

    await bumpSearchVersion(redis());
    const fresh = await settle(() => api.search.listings.query(query));
    expect(fresh.headers.get("x-search-cache")).toBe("miss");
    expect(fresh.data.hits[0]?.title).toBe("Harbour loft with terrace");
  });

  it("still answers, uncached, when Redis is down", async () => {
    const response = await settle(() =>
      createTestClient({}, { UPSTASH_REDIS_REST_URL: env.TEST_UNREACHABLE_URL }).search.listings.query({
        bounds: area.bounds,
        text: "hill",
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-search-cache")).toBe("bypass");
    expect(response.data.hits.map((h) => h.id)).toEqual([ids.hill]);
  });

  it("rejects invalid input with 400 naming the field, and a forged cursor", async () => {
    const halfDates = await settle(() => api.search.listings.query({ checkIn: day(4) }));
    expect(halfDates.status).toBe(400);
    expect(halfDates.error?.code).toBe("BAD_REQUEST");
    expect(halfDates.error?.issues?.map((i) => i.path)).toEqual(["checkOut"]);

    // A stay that started before yesterday (UTC) is over everywhere: refused, not answered as free.
    const past = await settle(() =>
      api.search.listings.query({
        bounds: area.bounds,
        checkIn: utcDaysFromToday(-3),
        checkOut: utcDaysFromToday(-1),
      }),
    );
    expect(past.status).toBe(400);
    expect(past.error?.message).toBe(
      `checkIn ${utcDaysFromToday(-3)} has passed; the earliest check-in is ${utcDaysFromToday(-1)}`,
    );
    // Yesterday is still today somewhere (UTC−12), so it is searched.
    const yesterday = await settle(() =>
      api.search.listings.query({
        bounds: area.bounds,
        checkIn: utcDaysFromToday(-1),
        checkOut: utcDaysFromToday(2),
      }),
    );
    expect(yesterday.status).toBe(200);

    const forged = await settle(() => api.search.listings.query({ bounds: area.bounds, cursor: "bm9wZQ" }));
    expect(forged.status).toBe(400);
    expect(forged.headers.get("cache-control") ?? "").not.toContain("public");
  });
});
