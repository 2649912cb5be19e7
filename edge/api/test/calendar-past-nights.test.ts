import { futureDays, utcDaysFromToday } from "@hometrip/testkit/dates";
import { describe, expect, it } from "vitest";
import { hostWithListing, listingChangedEvents, withCalendarAt } from "./calendar-support.ts";
import { sql } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";

// Dates from the clock: day(0) is a Saturday about two months ahead, day(n) n days later.
const day = futureDays(6);

const writtenNights = async (listingId: string) => ({
  overrides: await sql("select date from price_overrides where listing_id = $1", [listingId]),
  blocks: await sql("select id from calendar_blocks where listing_id = $1", [listingId]),
});

// 20:00 UTC on day(0): still day(0) in UTC, but already the morning of day(1) on Kiritimati (UTC+14).
const kiritimatiMorning = new Date(`${day(0)}T20:00:00Z`);
// 05:00 UTC on day(1): day(1) in UTC, but still the evening of day(0) in Pago Pago (UTC-11).
const pagoPagoEvening = new Date(`${day(1)}T05:00:00Z`);

describe("calendar: nights already over where the home is", () => {
  it("refuses to price or block a range starting yesterday with 400 naming today, and writes nothing", async () => {
    const { host, listingId } = await hostWithListing("past-nights");
    const [yesterday, today, inAWeek] = [utcDaysFromToday(-1), utcDaysFromToday(0), utcDaysFromToday(7)];

    const priced = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: yesterday,
        to: inAWeek,
        price: 15_000,
      }),
    );
    expect(priced.status).toBe(400);
    expect(priced.error?.code).toBe("BAD_REQUEST");
    expect(priced.error?.message).toBe(`Nights before ${today} are in the past and cannot be priced`);

    const one = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverride.mutate({
        listingId,
        date: yesterday,
        price: 15_000,
      }),
    );
    expect(one.status).toBe(400);
    expect(one.error?.message).toBe(`Nights before ${today} are in the past and cannot be priced`);

    const blocked = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: yesterday,
        to: inAWeek,
        note: "Away",
      }),
    );
    expect(blocked.status).toBe(400);
    expect(blocked.error?.message).toBe(`Nights before ${today} are in the past and cannot be blocked`);

    expect(await writtenNights(listingId)).toEqual({ overrides: [], blocks: [] });
    expect(await listingChangedEvents(listingId)).toEqual([]);

    const fromToday = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverrides.mutate({
        listingId,
        from: today,
        to: inAWeek,
        price: 15_000,
      }),
    );
    expect(fromToday.data).toEqual({ nights: 7 });
    const block = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({ listingId, from: today, to: inAWeek }),
    );
    expect(block.status).toBe(200);
  });

  it("takes today in the listing's zone: on Kiritimati the 16th while UTC is still on the 15th", async () => {
    const { host, listingId } = await hostWithListing(
      "past-nights-kiritimati",
      "published",
      "Pacific/Kiritimati",
    );
    await withCalendarAt(kiritimatiMorning, host, async (calendar) => {
      await expect(
        calendar.setPriceOverrides({ listingId, from: day(0), to: day(3), price: 15_000 }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: `Nights before ${day(1)} are in the past and cannot be priced`,
      });
      await expect(calendar.blockDates({ listingId, from: day(0), to: day(1) })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: `Nights before ${day(1)} are in the past and cannot be blocked`,
      });
      expect(
        await calendar.setPriceOverrides({ listingId, from: day(1), to: day(3), price: 15_000 }),
      ).toEqual({ nights: 2 });
      await calendar.blockDates({ listingId, from: day(3), to: day(5) });
    });
    const range = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(0), to: day(5) }),
    );
    expect(range.data.days.map((d) => [d.date, d.status, d.price])).toEqual([
      [day(0), "available", 10_000],
      [day(1), "available", 15_000],
      [day(2), "available", 15_000],
      [day(3), "blocked", 10_000],
      [day(4), "blocked", 10_000],
    ]);
  });

  it("in Pago Pago the 15th is still tonight although UTC has moved on to the 16th", async () => {
    const { host, listingId } = await hostWithListing(
      "past-nights-pago-pago",
      "published",
      "Pacific/Pago_Pago",
    );
    await withCalendarAt(pagoPagoEvening, host, async (calendar) => {
      expect(await calendar.setPriceOverride({ listingId, date: day(0), price: 9_000 })).toEqual({
        date: day(0),
        price: 9_000,
      });
      expect(await calendar.blockDates({ listingId, from: day(0), to: day(2) })).toMatchObject({
        from: day(0),
        to: day(2),
      });
      await expect(
        calendar.setPriceOverride({ listingId, date: day(-1), price: 9_000 }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: `Nights before ${day(0)} are in the past and cannot be priced`,
      });
    });
  });

  it("still clears prices and removes blocks once their first nights have passed", async () => {
    const { host, listingId } = await hostWithListing("past-nights-tidy", "published", "Pacific/Kiritimati");
    const weekBefore = new Date(`${day(-7)}T20:00:00Z`);
    const block = await withCalendarAt(weekBefore, host, async (calendar) => {
      await calendar.setPriceOverrides({ listingId, from: day(-3), to: day(5), price: 15_000 });
      return calendar.blockDates({ listingId, from: day(-3), to: day(5) });
    });
    await withCalendarAt(kiritimatiMorning, host, async (calendar) => {
      expect(await calendar.clearPriceOverrides({ listingId, from: day(-5), to: day(3) })).toEqual({
        removed: 6,
      });
      expect(await calendar.unblock({ blockId: block.id })).toMatchObject({
        from: day(-3),
        to: day(5),
      });
    });
    const range = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(1), to: day(5) }),
    );
    expect(range.data.days.map((d) => [d.status, d.priceOverridden])).toEqual([
      ["available", false],
      ["available", false],
      ["available", true],
      ["available", true],
    ]);
  });
});
