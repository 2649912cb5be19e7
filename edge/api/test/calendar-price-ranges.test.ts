import { futureDays } from "@hometrip/testkit/dates";
import { describe, expect, it } from "vitest";
import { createMember, hostWithListing, listingChangedEvents } from "./calendar-support.ts";
import { sql } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";
import { createHost, createPublished } from "./listings-support.ts";
import { randomArea } from "./search-fixtures.ts";

// Dates from the clock: day(0) is a Wednesday about two months ahead, day(n) n days later.
const day = futureDays(3);

const overrideRows = (listingId: string) =>
  sql<{ date: string; nightly_price: number }>(
    "select date::text as date, nightly_price from price_overrides where listing_id = $1 order by date",
    [listingId],
  );

const api = createTestClient();

describe("calendar.setPriceOverrides / calendar.clearPriceOverrides", () => {
  it("prices every night of [from, to) in one call and one listing.changed event", async () => {
    const { host, listingId } = await hostWithListing("price-range");
    const set = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: day(212),
        to: day(226),
        price: 18000,
      }),
    );
    expect(set.status).toBe(200);
    expect(set.data).toEqual({ nights: 14 });

    const range = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(211), to: day(227) }),
    );
    const days = range.data.days;
    expect(days[0]).toMatchObject({ date: day(211), price: 10000, priceOverridden: false });
    expect(days.slice(1, 15).every((d) => d.price === 18000 && d.priceOverridden)).toBe(true);
    expect(days[15]).toMatchObject({ date: day(226), price: 10000, priceOverridden: false });
    expect((await listingChangedEvents(listingId)).map((e) => e.payload.cause)).toEqual(["pricing"]);

    // Setting again over part of the range replaces those prices, still one event.
    const again = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: day(221),
        to: day(231),
        price: 21000,
      }),
    );
    expect(again.data).toEqual({ nights: 10 });
    const rows = await overrideRows(listingId);
    expect(rows).toHaveLength(19);
    expect(rows.filter((r) => r.nightly_price === 21000).map((r) => r.date)[0]).toBe(day(221));
    expect(await listingChangedEvents(listingId)).toHaveLength(2);
  });

  it("clearing a range removes exactly its nights and says how many", async () => {
    const { host, listingId } = await hostWithListing("price-range-clear");
    await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: day(243),
        to: day(253),
        price: 15000,
      }),
    );
    const cleared = await settle(() =>
      createTestClient(host.auth).calendar.clearPriceOverrides.mutate({
        listingId,
        from: day(246),
        to: day(250),
      }),
    );
    expect(cleared.status).toBe(200);
    expect(cleared.data).toEqual({ removed: 4 });
    expect((await overrideRows(listingId)).map((r) => r.date)).toEqual([
      day(243),
      day(244),
      day(245),
      day(250),
      day(251),
      day(252),
    ]);
    expect(await listingChangedEvents(listingId)).toHaveLength(2);

    // Nothing to clear: no event.
    const none = await settle(() =>
      createTestClient(host.auth).calendar.clearPriceOverrides.mutate({
        listingId,
        from: day(246),
        to: day(250),
      }),
    );
    expect(none.data).toEqual({ removed: 0 });
    expect(await listingChangedEvents(listingId)).toHaveLength(2);
  });

  it("a refused range changes nothing: another host 403, a guest 403, anonymous 401, an admin may act", async () => {
    const { host, guest, listingId } = await hostWithListing("price-range-authz");
    const other = await hostWithListing("price-range-authz-other");
    const input = { listingId, from: day(273), to: day(280), price: 9000 };
    const forbidden = await settle(() =>
      createTestClient(other.host.auth).calendar.setPriceOverrides.mutate(input),
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.error?.code).toBe("FORBIDDEN");
    expect(
      (await settle(() => createTestClient(guest.auth).calendar.setPriceOverrides.mutate(input))).status,
    ).toBe(403);
    expect((await settle(() => api.calendar.setPriceOverrides.mutate(input))).status).toBe(401);
    expect(await overrideRows(listingId)).toEqual([]);
    expect(await listingChangedEvents(listingId)).toEqual([]);

    await settle(() => createTestClient(host.auth).calendar.setPriceOverrides.mutate(input));
    const clear = { listingId, from: day(273), to: day(280) };
    expect(
      (await settle(() => createTestClient(other.host.auth).calendar.clearPriceOverrides.mutate(clear)))
        .status,
    ).toBe(403);
    expect(await overrideRows(listingId)).toHaveLength(7);

    const admin = await createMember("price-range-admin", { role: "admin" });
    const byAdmin = await settle(() =>
      createTestClient(admin.auth).calendar.clearPriceOverrides.mutate(clear),
    );
    expect(byAdmin.data).toEqual({ removed: 7 });
  });

  it("a range over 366 nights, backwards, or with a bad price is 400 and writes nothing", async () => {
    const { host, listingId } = await hostWithListing("price-range-invalid");
    const tooLong = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: day(0),
        to: day(367),
        price: 9000,
      }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.error?.code).toBe("BAD_REQUEST");
    const longClear = await settle(() =>
      createTestClient(host.auth).calendar.clearPriceOverrides.mutate({
        listingId,
        from: day(0),
        to: day(367),
      }),
    );
    expect(longClear.status).toBe(400);
    const backwards = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: day(68),
        to: day(68),
        price: 9000,
      }),
    );
    expect(backwards.status).toBe(400);
    const negative = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: day(59),
        to: day(68),
        price: -1,
      }),
    );
    expect(negative.status).toBe(400);
    expect(await overrideRows(listingId)).toEqual([]);
    expect(await listingChangedEvents(listingId)).toEqual([]);

    // A full leap year is allowed.
    const year = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: day(365),
        to: day(731),
        price: 9000,
      }),
    );
    expect(year.data).toEqual({ nights: 366 });
  });

  it("the single-date procedures answer as before", async () => {
    const { host, listingId } = await hostWithListing("price-single");
    const set = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverride.mutate({
        listingId,
        date: day(305),
        price: 12000,
      }),
    );
    expect(set.data).toEqual({ date: day(305), price: 12000 });
    const cleared = await settle(() =>
      createTestClient(host.auth).calendar.clearPriceOverride.mutate({ listingId, date: day(305) }),
    );
    expect(cleared.data).toEqual({ removed: true });
    const none = await settle(() =>
      createTestClient(host.auth).calendar.clearPriceOverride.mutate({ listingId, date: day(305) }),
    );
    expect(none.data).toEqual({ removed: false });
    expect(await listingChangedEvents(listingId)).toHaveLength(2);
  });

  it("search stay totals use a range's prices at once", async () => {
    const area = randomArea();
    const host = await createHost("price-range-search");
    const listing = await createPublished(host, { ...area.centre, city: "Olhão" });
    // Monday to Monday; the range prices Monday to Wednesday nights of the stay.
    const query = { bounds: area.bounds, checkIn: day(61), checkOut: day(68) };
    const total = async () => {
      const response = await settle(() => api.search.listings.query(query));
      expect(response.status).toBe(200);
      return response.data.hits[0]?.totalPrice;
    };
    expect(await total()).toBe(7 * 12_500 + 3_000);
    const set = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId: listing.id,
        from: day(59),
        to: day(64),
        price: 5_000,
      }),
    );
    expect(set.data).toEqual({ nights: 5 });
    expect(await total()).toBe(4 * 12_500 + 3 * 5_000 + 3_000);
  });
});
