import type { SearchResult } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import {
  createMember,
  hostWithListing,
  listingChangedEvents,
  sqlRows,
  trpcGet,
  trpcPost,
} from "./calendar-support.ts";
import { json, trpcQuery } from "./harness.ts";
import { createHost, createPublished } from "./listings-support.ts";
import { randomArea } from "./search-fixtures.ts";

type Day = { date: string; price: number | null; priceOverridden: boolean };
type Range = { days: Day[] };

const overrideRows = (listingId: string) =>
  sqlRows<{ date: string; nightly_price: number }>(
    "select date::text as date, nightly_price from price_overrides where listing_id = $1 order by date",
    [listingId],
  );

describe("calendar.setPriceOverrides / calendar.clearPriceOverrides", () => {
  it("prices every night of [from, to) in one call and one listing.changed event", async () => {
    const { host, listingId } = await hostWithListing("price-range");
    const set = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: "2031-08-01", to: "2031-08-15", price: 18000 },
      host.auth,
    );
    expect(set.status).toBe(200);
    expect(set.data).toEqual({ nights: 14 });

    const range = await trpcGet<Range>(
      "calendar.range",
      { listingId, from: "2031-07-31", to: "2031-08-16" },
      host.auth,
    );
    const days = range.data.days;
    expect(days[0]).toMatchObject({ date: "2031-07-31", price: 10000, priceOverridden: false });
    expect(days.slice(1, 15).every((d) => d.price === 18000 && d.priceOverridden)).toBe(true);
    expect(days[15]).toMatchObject({ date: "2031-08-15", price: 10000, priceOverridden: false });
    expect((await listingChangedEvents(listingId)).map((e) => e.payload.cause)).toEqual(["pricing"]);

    // Setting again over part of the range replaces those prices, still one event.
    const again = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: "2031-08-10", to: "2031-08-20", price: 21000 },
      host.auth,
    );
    expect(again.data).toEqual({ nights: 10 });
    const rows = await overrideRows(listingId);
    expect(rows).toHaveLength(19);
    expect(rows.filter((r) => r.nightly_price === 21000).map((r) => r.date)[0]).toBe("2031-08-10");
    expect(await listingChangedEvents(listingId)).toHaveLength(2);
  });

  it("clearing a range removes exactly its nights and says how many", async () => {
    const { host, listingId } = await hostWithListing("price-range-clear");
    await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: "2031-09-01", to: "2031-09-11", price: 15000 },
      host.auth,
    );
    const cleared = await trpcPost(
      "calendar.clearPriceOverrides",
      { listingId, from: "2031-09-04", to: "2031-09-08" },
      host.auth,
    );
    expect(cleared.status).toBe(200);
    expect(cleared.data).toEqual({ removed: 4 });
    expect((await overrideRows(listingId)).map((r) => r.date)).toEqual([
      "2031-09-01",
      "2031-09-02",
      "2031-09-03",
      "2031-09-08",
      "2031-09-09",
      "2031-09-10",
    ]);
    expect(await listingChangedEvents(listingId)).toHaveLength(2);

    // Nothing to clear: no event.
    const none = await trpcPost(
      "calendar.clearPriceOverrides",
      { listingId, from: "2031-09-04", to: "2031-09-08" },
      host.auth,
    );
    expect(none.data).toEqual({ removed: 0 });
    expect(await listingChangedEvents(listingId)).toHaveLength(2);
  });

  it("a refused range changes nothing: another host 403, a guest 403, anonymous 401, an admin may act", async () => {
    const { host, guest, listingId } = await hostWithListing("price-range-authz");
    const other = await hostWithListing("price-range-authz-other");
    const input = { listingId, from: "2031-10-01", to: "2031-10-08", price: 9000 };
    const forbidden = await trpcPost("calendar.setPriceOverrides", input, other.host.auth);
    expect(forbidden.status).toBe(403);
    expect(forbidden.error?.data.code).toBe("FORBIDDEN");
    expect((await trpcPost("calendar.setPriceOverrides", input, guest.auth)).status).toBe(403);
    expect((await trpcPost("calendar.setPriceOverrides", input)).status).toBe(401);
    expect(await overrideRows(listingId)).toEqual([]);
    expect(await listingChangedEvents(listingId)).toEqual([]);

    await trpcPost("calendar.setPriceOverrides", input, host.auth);
    const clear = { listingId, from: "2031-10-01", to: "2031-10-08" };
    expect((await trpcPost("calendar.clearPriceOverrides", clear, other.host.auth)).status).toBe(403);
    expect(await overrideRows(listingId)).toHaveLength(7);

    const admin = await createMember("price-range-admin", { role: "admin" });
    const byAdmin = await trpcPost("calendar.clearPriceOverrides", clear, admin.auth);
    expect(byAdmin.data).toEqual({ removed: 7 });
  });

  it("a range over 366 nights, backwards, or with a bad price is 400 and writes nothing", async () => {
    const { host, listingId } = await hostWithListing("price-range-invalid");
    const tooLong = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: "2031-01-01", to: "2032-01-03", price: 9000 },
      host.auth,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.error?.data.code).toBe("BAD_REQUEST");
    const longClear = await trpcPost(
      "calendar.clearPriceOverrides",
      { listingId, from: "2031-01-01", to: "2032-01-03" },
      host.auth,
    );
    expect(longClear.status).toBe(400);
    const backwards = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: "2031-03-10", to: "2031-03-10", price: 9000 },
      host.auth,
    );
    expect(backwards.status).toBe(400);
    const negative = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: "2031-03-01", to: "2031-03-10", price: -1 },
      host.auth,
    );
    expect(negative.status).toBe(400);
    expect(await overrideRows(listingId)).toEqual([]);
    expect(await listingChangedEvents(listingId)).toEqual([]);

    // A full leap year is allowed.
    const year = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: "2032-01-01", to: "2033-01-01", price: 9000 },
      host.auth,
    );
    expect(year.data).toEqual({ nights: 366 });
  });

  it("the single-date procedures answer as before", async () => {
    const { host, listingId } = await hostWithListing("price-single");
    const set = await trpcPost(
      "calendar.setPriceOverride",
      { listingId, date: "2031-11-02", price: 12000 },
      host.auth,
    );
    expect(set.data).toEqual({ date: "2031-11-02", price: 12000 });
    const cleared = await trpcPost(
      "calendar.clearPriceOverride",
      { listingId, date: "2031-11-02" },
      host.auth,
    );
    expect(cleared.data).toEqual({ removed: true });
    const none = await trpcPost("calendar.clearPriceOverride", { listingId, date: "2031-11-02" }, host.auth);
    expect(none.data).toEqual({ removed: false });
    expect(await listingChangedEvents(listingId)).toHaveLength(2);
  });

  it("search stay totals use a range's prices at once", async () => {
    const area = randomArea();
    const host = await createHost("price-range-search");
    const listing = await createPublished(host, { ...area.centre, city: "Olhão" });
    // Monday to Monday; the range prices Monday to Wednesday nights of the stay.
    const query = { bounds: area.bounds, checkIn: "2031-03-03", checkOut: "2031-03-10" };
    const total = async () => {
      const response = await trpcQuery("search.listings", query);
      expect(response.status).toBe(200);
      const body = await json<{ result: { data: SearchResult } }>(response);
      return body.result.data.hits[0]?.totalPrice;
    };
    expect(await total()).toBe(7 * 12_500 + 3_000);
    const set = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId: listing.id, from: "2031-03-01", to: "2031-03-06", price: 5_000 },
      host.auth,
    );
    expect(set.data).toEqual({ nights: 5 });
    expect(await total()).toBe(4 * 12_500 + 3 * 5_000 + 3_000);
  });
});
