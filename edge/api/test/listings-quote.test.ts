import { futureDays, utcDaysFromToday } from "@hometrip/testkit/dates";
import { describe, expect, it } from "vitest";
import { createMember, hostWithListing, insertBooking } from "./calendar-support.ts";
import { sql } from "./db.ts";
import { createTestClient, type RouterInputs, settle } from "./harness.ts";
import { insertHome, insertHost, randomArea } from "./search-fixtures.ts";

// Dates from the clock: day(0) is a Wednesday about two months ahead, day(n) n days later.
const day = futureDays(3);

/**
 * listings.quote over the calendar fixture listing: €100 a night, €20 cleaning, 2–30 nights,
 * sleeps 4, zone UTC. day(0) is a Wednesday, day(2) a Friday, day(5) a Monday.
 */
async function pricedListing(tag: string, pricing: string, status: "draft" | "published" = "published") {
  const fixture = await hostWithListing(tag, status);
  await sql(`update listings set ${pricing} where id = $1`, [fixture.listingId]);
  return fixture;
}

const quote = (input: RouterInputs["listings"]["quote"], headers: Record<string, string> = {}) =>
  settle(() => createTestClient(headers).listings.quote.query(input));

describe("listings.quote prices", () => {
  it("charges the weekend price on Friday and Saturday nights and adds the cleaning fee", async () => {
    const { listingId } = await pricedListing("quote-weekend", "weekend_price = 14000");
    const result = await quote({ listingId, checkIn: day(0), checkOut: day(5), guests: 2 });
    expect(result.status).toBe(200);
    expect(result.headers.get("cache-control")).toMatch(/^public, max-age=30\b/);
    expect(result.data).toEqual({
      listingId,
      checkIn: day(0),
      checkOut: day(5),
      nights: 5,
      currency: "EUR",
      available: true,
      unavailableReason: null,
      minNights: 2,
      maxNights: 30,
      leadTimeDays: 0,
      nightly: [
        { date: day(0), price: 10_000, kind: "base" },
        { date: day(1), price: 10_000, kind: "base" },
        { date: day(2), price: 14_000, kind: "weekend" },
        { date: day(3), price: 14_000, kind: "weekend" },
        { date: day(4), price: 10_000, kind: "base" },
      ],
      nightsSubtotal: 58_000,
      discount: null,
      cleaningFee: 2_000,
      total: 60_000,
      // The booking's price on top of the stay (one pricing with bookings.quote): 14 % service
      // fee, and Lisbon's tourist tax of €4 per guest per night.
      serviceFee: 8_400,
      taxes: [{ label: "Lisbon tourist tax", amount: 4_000 }],
      taxTotal: 4_000,
      guestTotal: 72_400,
      lines: [
        { kind: "nights", label: "5 nights", amount: 58_000 },
        { kind: "cleaning_fee", label: "Cleaning fee", amount: 2_000 },
        { kind: "service_fee", label: "Service fee", amount: 8_400 },
        { kind: "tax", label: "Lisbon tourist tax", amount: 4_000 },
      ],
    });
  });

  it("lets a host's per-date price beat the weekend price, and discounts a week and a month", async () => {
    const { host, listingId } = await pricedListing(
      "quote-discounts",
      "weekend_price = 14000, weekly_discount_percent = 10, monthly_discount_percent = 25",
    );
    const override = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverride.mutate({
        listingId,
        date: day(2),
        price: 8_000,
      }),
    );
    expect(override.status).toBe(200);

    const short = await quote({ listingId, checkIn: day(1), checkOut: day(4) });
    expect(short.data.nightly.map((n) => [n.price, n.kind])).toEqual([
      [10_000, "base"],
      [8_000, "override"],
      [14_000, "weekend"],
    ]);
    expect(short.data).toMatchObject({ nightsSubtotal: 32_000, discount: null, total: 34_000 });

    // day(5) to day(12), Monday to Monday: seven nights, two of them weekend nights.
    const week = await quote({ listingId, checkIn: day(5), checkOut: day(12) });
    expect(week.data).toMatchObject({
      nights: 7,
      nightsSubtotal: 5 * 10_000 + 2 * 14_000,
      discount: { kind: "weekly", percent: 10, amount: 7_800 },
      cleaningFee: 2_000,
      total: 78_000 - 7_800 + 2_000,
    });

    await sql("update listings set max_nights = 60 where id = $1", [listingId]);
    // day(5) to day(33), Monday to Monday four weeks on: 28 nights, 8 weekend nights.
    const month = await quote({ listingId, checkIn: day(5), checkOut: day(33) });
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
    await insertBooking(listingId, guest.userId, day(129), day(133));
    await sql("insert into calendar_blocks (listing_id, check_in, check_out) values ($1, $2, $3)", [
      listingId,
      day(151),
      day(153),
    ]);
    const reason = async (input: { checkIn: string; checkOut: string; guests?: number }) => {
      const result = await quote({ listingId, ...input });
      expect(result.status).toBe(200);
      return result.data.available ? "available" : result.data.unavailableReason;
    };
    expect(await reason({ checkIn: day(131), checkOut: day(135) })).toBe("dates_taken");
    expect(await reason({ checkIn: day(150), checkOut: day(152) })).toBe("dates_taken");
    // Back-to-back with the booking and the block is fine.
    expect(await reason({ checkIn: day(133), checkOut: day(135) })).toBe("available");
    expect(await reason({ checkIn: day(127), checkOut: day(129) })).toBe("available");
    expect(await reason({ checkIn: day(149), checkOut: day(151) })).toBe("available");
    expect(await reason({ checkIn: day(181), checkOut: day(182) })).toBe("min_nights");
    expect(await reason({ checkIn: day(181), checkOut: day(212) })).toBe("max_nights");
    expect(await reason({ checkIn: day(181), checkOut: day(184), guests: 5 })).toBe("too_many_guests");
    expect(await reason({ checkIn: day(181), checkOut: day(184), guests: 4 })).toBe("available");
    expect(await reason({ checkIn: utcDaysFromToday(-2), checkOut: utcDaysFromToday(1) })).toBe(
      "in_the_past",
    );

    // A taken stay still shows what it would cost.
    const taken = await quote({ listingId, checkIn: day(131), checkOut: day(135) });
    expect(taken.data).toMatchObject({ nights: 4, nightsSubtotal: 40_000, total: 42_000 });
  });

  it("hides drafts from everyone but their host, who gets an uncached quote", async () => {
    const { host, listingId } = await pricedListing("quote-draft", "nightly_price = 9000", "draft");
    const stay = { listingId, checkIn: day(243), checkOut: day(246) };
    expect((await quote(stay)).status).toBe(404);
    const stranger = await createMember("quote-stranger");
    expect((await quote(stay, stranger.auth)).status).toBe(404);
    expect((await quote({ ...stay, listingId: crypto.randomUUID() })).status).toBe(404);

    const own = await quote(stay, host.auth);
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect(own.data.total).toBe(3 * 9_000 + 2_000);
  });

  it("answers 400 to a stay that ends before it starts or lasts over a year", async () => {
    const { listingId } = await pricedListing("quote-bad-input", "nightly_price = 9000");
    const backwards = await quote({ listingId, checkIn: day(246), checkOut: day(246) });
    expect(backwards.status).toBe(400);
    expect(backwards.error?.issues?.map((i) => i.path)).toEqual(["checkOut"]);
    const tooLong = await quote({ listingId, checkIn: day(0), checkOut: day(366) });
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
    await sql(
      "update listings set weekend_price = 13000, weekly_discount_percent = 15, monthly_discount_percent = 25 where id = $1",
      [listingId],
    );
    await sql("insert into price_overrides (listing_id, date, nightly_price) values ($1, $2, 5000)", [
      listingId,
      day(7),
    ]);
    for (const [checkIn, checkOut] of [
      [day(1), day(4)],
      [day(5), day(14)],
      [day(2), day(37)],
    ] as const) {
      const quoted = await quote({ listingId, checkIn, checkOut });
      const found = await settle(() =>
        createTestClient().search.listings.query({
          bounds: area.bounds,
          checkIn,
          checkOut,
        }),
      );
      expect(found.data.hits.map((h) => h.id)).toEqual([listingId]);
      expect(found.data.hits[0]?.totalPrice, `${checkIn}–${checkOut}`).toBe(quoted.data.total);
    }
  });
});

describe("calendar.range prices", () => {
  it("shows the weekend price on Friday and Saturday nights unless the host set that date's price", async () => {
    const { host, listingId } = await pricedListing("range-weekend", "weekend_price = 14000");
    await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverride.mutate({
        listingId,
        date: day(3),
        price: 11_000,
      }),
    );
    const range = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(1), to: day(5) }),
    );
    expect(range.data.days.map((d) => [d.date, d.price, d.priceOverridden])).toEqual([
      [day(1), 10_000, false],
      [day(2), 14_000, false],
      [day(3), 11_000, true],
      [day(4), 10_000, false],
    ]);
  });
});
