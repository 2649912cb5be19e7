import type { StayQuote } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import {
  createMember,
  hostWithListing,
  insertBooking,
  sqlRows,
  trpcGet,
  trpcPost,
} from "./calendar-support.ts";
import { call } from "./harness.ts";
import { insertHome, insertHost, randomArea } from "./search-fixtures.ts";

/**
 * listings.quote over the calendar fixture listing: €100 a night, €20 cleaning, 2–30 nights,
 * sleeps 4, zone UTC. 2031-01-01 is a Wednesday, 2031-01-03 a Friday, 2031-01-06 a Monday.
 */
async function pricedListing(tag: string, pricing: string, status: "draft" | "published" = "published") {
  const fixture = await hostWithListing(tag, status);
  await sqlRows(`update listings set ${pricing} where id = $1`, [fixture.listingId]);
  return fixture;
}

const quote = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  trpcGet<StayQuote>("listings.quote", input, headers);

function isoDateFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("listings.quote prices", () => {
  it("charges the weekend price on Friday and Saturday nights and adds the cleaning fee", async () => {
    const { listingId } = await pricedListing("quote-weekend", "weekend_price = 14000");
    const response = await call(
      `/trpc/listings.quote?input=${encodeURIComponent(
        JSON.stringify({ listingId, checkIn: "2031-01-01", checkOut: "2031-01-06", guests: 2 }),
      )}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=30\b/);
    const { result } = (await response.json()) as { result: { data: StayQuote } };
    expect(result.data).toEqual({
      listingId,
      checkIn: "2031-01-01",
      checkOut: "2031-01-06",
      nights: 5,
      currency: "EUR",
      available: true,
      unavailableReason: null,
      minNights: 2,
      maxNights: 30,
      nightly: [
        { date: "2031-01-01", price: 10_000, kind: "base" },
        { date: "2031-01-02", price: 10_000, kind: "base" },
        { date: "2031-01-03", price: 14_000, kind: "weekend" },
        { date: "2031-01-04", price: 14_000, kind: "weekend" },
        { date: "2031-01-05", price: 10_000, kind: "base" },
      ],
      nightsSubtotal: 58_000,
      discount: null,
      cleaningFee: 2_000,
      total: 60_000,
    });
  });

  it("lets a host's per-date price beat the weekend price, and discounts a week and a month", async () => {
    const { host, listingId } = await pricedListing(
      "quote-discounts",
      "weekend_price = 14000, weekly_discount_percent = 10, monthly_discount_percent = 25",
    );
    const override = await trpcPost(
      "calendar.setPriceOverride",
      { listingId, date: "2031-01-03", price: 8_000 },
      host.auth,
    );
    expect(override.status).toBe(200);

    const short = await quote({ listingId, checkIn: "2031-01-02", checkOut: "2031-01-05" });
    expect(short.data.nightly.map((n) => [n.price, n.kind])).toEqual([
      [10_000, "base"],
      [8_000, "override"],
      [14_000, "weekend"],
    ]);
    expect(short.data).toMatchObject({ nightsSubtotal: 32_000, discount: null, total: 34_000 });

    // Mon 6th – Mon 13th: seven nights, two of them weekend nights.
    const week = await quote({ listingId, checkIn: "2031-01-06", checkOut: "2031-01-13" });
    expect(week.data).toMatchObject({
      nights: 7,
      nightsSubtotal: 5 * 10_000 + 2 * 14_000,
      discount: { kind: "weekly", percent: 10, amount: 7_800 },
      cleaningFee: 2_000,
      total: 78_000 - 7_800 + 2_000,
    });

    await sqlRows("update listings set max_nights = 60 where id = $1", [listingId]);
    // Mon 6th – Mon 3 Feb: 28 nights, 8 weekend nights.
    const month = await quote({ listingId, checkIn: "2031-01-06", checkOut: "2031-02-03" });
    expect(month.data).toMatchObject({
      nights: 28,
      nightsSubtotal: 20 * 10_000 + 8 * 14_000,
      discount: { kind: "monthly", percent: 25, amount: 78_000 },
      total: 312_000 - 78_000 + 2_000,
      available: true,
    });
  });
});

describe("listings.quote availability", () => {
  it("names why dates cannot be booked: taken, too short, too long, too many guests, past", async () => {
    const { listingId, guest } = await pricedListing("quote-reasons", "capacity = 4");
    await insertBooking(listingId, guest.userId, "2031-05-10", "2031-05-14");
    await sqlRows("insert into calendar_blocks (listing_id, check_in, check_out) values ($1, $2, $3)", [
      listingId,
      "2031-06-01",
      "2031-06-03",
    ]);
    const reason = async (input: Record<string, unknown>) => {
      const result = await quote({ listingId, ...input });
      expect(result.status).toBe(200);
      return result.data.available ? "available" : result.data.unavailableReason;
    };
    expect(await reason({ checkIn: "2031-05-12", checkOut: "2031-05-16" })).toBe("dates_taken");
    expect(await reason({ checkIn: "2031-05-31", checkOut: "2031-06-02" })).toBe("dates_taken");
    // Back-to-back with the booking and the block is fine.
    expect(await reason({ checkIn: "2031-05-14", checkOut: "2031-05-16" })).toBe("available");
    expect(await reason({ checkIn: "2031-05-08", checkOut: "2031-05-10" })).toBe("available");
    expect(await reason({ checkIn: "2031-05-30", checkOut: "2031-06-01" })).toBe("available");
    expect(await reason({ checkIn: "2031-07-01", checkOut: "2031-07-02" })).toBe("min_nights");
    expect(await reason({ checkIn: "2031-07-01", checkOut: "2031-08-01" })).toBe("max_nights");
    expect(await reason({ checkIn: "2031-07-01", checkOut: "2031-07-04", guests: 5 })).toBe(
      "too_many_guests",
    );
    expect(await reason({ checkIn: "2031-07-01", checkOut: "2031-07-04", guests: 4 })).toBe("available");
    expect(await reason({ checkIn: isoDateFromToday(-2), checkOut: isoDateFromToday(1) })).toBe(
      "in_the_past",
    );

    // A taken stay still shows what it would cost.
    const taken = await quote({ listingId, checkIn: "2031-05-12", checkOut: "2031-05-16" });
    expect(taken.data).toMatchObject({ nights: 4, nightsSubtotal: 40_000, total: 42_000 });
  });

  it("hides drafts from everyone but their host, who gets an uncached quote", async () => {
    const { host, listingId } = await pricedListing("quote-draft", "nightly_price = 9000", "draft");
    const stay = { listingId, checkIn: "2031-09-01", checkOut: "2031-09-04" };
    expect((await quote(stay)).status).toBe(404);
    const stranger = await createMember("quote-stranger");
    expect((await quote(stay, stranger.auth)).status).toBe(404);
    expect((await quote({ ...stay, listingId: crypto.randomUUID() })).status).toBe(404);

    const response = await call(`/trpc/listings.quote?input=${encodeURIComponent(JSON.stringify(stay))}`, {
      headers: host.auth,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const { result } = (await response.json()) as { result: { data: StayQuote } };
    expect(result.data.total).toBe(3 * 9_000 + 2_000);
  });

  it("answers 400 to a stay that ends before it starts or lasts over a year", async () => {
    const { listingId } = await pricedListing("quote-bad-input", "nightly_price = 9000");
    const backwards = await quote({ listingId, checkIn: "2031-09-04", checkOut: "2031-09-04" });
    expect(backwards.status).toBe(400);
    expect(backwards.error?.data.issues?.map((i) => i.path)).toEqual(["checkOut"]);
    const tooLong = await quote({ listingId, checkIn: "2031-01-01", checkOut: "2032-01-02" });
    expect(tooLong.status).toBe(400);
    expect((await quote({ listingId, checkIn: "2031-13-01", checkOut: "2031-13-04" })).status).toBe(400);
  });
});

describe("listings.quote and search.listings", () => {
  it("agree on the total for the same dates: weekend price, a per-date price and the weekly discount", async () => {
    const area = randomArea();
    const { hostId } = await insertHost();
    const listingId = await insertHome(hostId, area, {
      title: "Agreeing home",
      city: "Concordia",
      nightly: 9_000,
    });
    await sqlRows(
      "update listings set weekend_price = 13000, weekly_discount_percent = 15, monthly_discount_percent = 25 where id = $1",
      [listingId],
    );
    await sqlRows(
      "insert into price_overrides (listing_id, date, nightly_price) values ($1, '2031-01-08', 5000)",
      [listingId],
    );
    for (const [checkIn, checkOut] of [
      ["2031-01-02", "2031-01-05"],
      ["2031-01-06", "2031-01-15"],
      ["2031-01-03", "2031-02-07"],
    ] as const) {
      const quoted = await quote({ listingId, checkIn, checkOut });
      const found = await trpcGet<{ hits: { id: string; totalPrice: number | null }[] }>("search.listings", {
        bounds: area.bounds,
        checkIn,
        checkOut,
      });
      expect(found.data.hits.map((h) => h.id)).toEqual([listingId]);
      expect(found.data.hits[0]?.totalPrice, `${checkIn}–${checkOut}`).toBe(quoted.data.total);
    }
  });
});

describe("calendar.range prices", () => {
  it("shows the weekend price on Friday and Saturday nights unless the host set that date's price", async () => {
    const { host, listingId } = await pricedListing("range-weekend", "weekend_price = 14000");
    await trpcPost("calendar.setPriceOverride", { listingId, date: "2031-01-04", price: 11_000 }, host.auth);
    const range = await trpcGet<{ days: { date: string; price: number; priceOverridden: boolean }[] }>(
      "calendar.range",
      { listingId, from: "2031-01-02", to: "2031-01-06" },
      host.auth,
    );
    expect(range.data.days.map((d) => [d.date, d.price, d.priceOverridden])).toEqual([
      ["2031-01-02", 10_000, false],
      ["2031-01-03", 14_000, false],
      ["2031-01-04", 11_000, true],
      ["2031-01-05", 10_000, false],
    ]);
  });
});
