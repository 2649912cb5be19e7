import { describe, expect, it } from "vitest";
import {
  hostWithListing,
  listingChangedEvents,
  sqlRows,
  trpcGet,
  trpcPost,
  utcDaysFromToday,
  withCalendarAt,
} from "./calendar-support.ts";

type Range = { days: { date: string; status: string; price: number | null; priceOverridden: boolean }[] };

const writtenNights = async (listingId: string) => ({
  overrides: await sqlRows("select date from price_overrides where listing_id = $1", [listingId]),
  blocks: await sqlRows("select id from calendar_blocks where listing_id = $1", [listingId]),
});

// 20:00 UTC on 15 June 2030: UTC's 15th, but already the morning of the 16th on Kiritimati (UTC+14).
const kiritimatiMorning = new Date("2030-06-15T20:00:00Z");
// 05:00 UTC on 16 June 2030: UTC's 16th, but still the evening of the 15th in Pago Pago (UTC-11).
const pagoPagoEvening = new Date("2030-06-16T05:00:00Z");

describe("calendar: nights already over where the home is", () => {
  it("refuses to price or block a range starting yesterday with 400 naming today, and writes nothing", async () => {
    const { host, listingId } = await hostWithListing("past-nights");
    const [yesterday, today, inAWeek] = [utcDaysFromToday(-1), utcDaysFromToday(0), utcDaysFromToday(7)];

    const priced = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: yesterday, to: inAWeek, price: 15_000 },
      host.auth,
    );
    expect(priced.status).toBe(400);
    expect(priced.error?.data.code).toBe("BAD_REQUEST");
    expect(priced.error?.message).toBe(`Nights before ${today} are in the past and cannot be priced`);

    const one = await trpcPost(
      "calendar.setPriceOverride",
      { listingId, date: yesterday, price: 15_000 },
      host.auth,
    );
    expect(one.status).toBe(400);
    expect(one.error?.message).toBe(`Nights before ${today} are in the past and cannot be priced`);

    const blocked = await trpcPost(
      "calendar.blockDates",
      { listingId, from: yesterday, to: inAWeek, note: "Away" },
      host.auth,
    );
    expect(blocked.status).toBe(400);
    expect(blocked.error?.message).toBe(`Nights before ${today} are in the past and cannot be blocked`);

    expect(await writtenNights(listingId)).toEqual({ overrides: [], blocks: [] });
    expect(await listingChangedEvents(listingId)).toEqual([]);

    const fromToday = await trpcPost(
      "calendar.setPriceOverrides",
      { listingId, from: today, to: inAWeek, price: 15_000 },
      host.auth,
    );
    expect(fromToday.data).toEqual({ nights: 7 });
    const block = await trpcPost("calendar.blockDates", { listingId, from: today, to: inAWeek }, host.auth);
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
        calendar.setPriceOverrides({ listingId, from: "2030-06-15", to: "2030-06-18", price: 15_000 }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Nights before 2030-06-16 are in the past and cannot be priced",
      });
      await expect(
        calendar.blockDates({ listingId, from: "2030-06-15", to: "2030-06-16" }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Nights before 2030-06-16 are in the past and cannot be blocked",
      });
      expect(
        await calendar.setPriceOverrides({ listingId, from: "2030-06-16", to: "2030-06-18", price: 15_000 }),
      ).toEqual({ nights: 2 });
      await calendar.blockDates({ listingId, from: "2030-06-18", to: "2030-06-20" });
    });
    const range = await trpcGet<Range>(
      "calendar.range",
      { listingId, from: "2030-06-15", to: "2030-06-20" },
      host.auth,
    );
    expect(range.data.days.map((d) => [d.date, d.status, d.price])).toEqual([
      ["2030-06-15", "available", 10_000],
      ["2030-06-16", "available", 15_000],
      ["2030-06-17", "available", 15_000],
      ["2030-06-18", "blocked", 10_000],
      ["2030-06-19", "blocked", 10_000],
    ]);
  });

  it("in Pago Pago the 15th is still tonight although UTC has moved on to the 16th", async () => {
    const { host, listingId } = await hostWithListing(
      "past-nights-pago-pago",
      "published",
      "Pacific/Pago_Pago",
    );
    await withCalendarAt(pagoPagoEvening, host, async (calendar) => {
      expect(await calendar.setPriceOverride({ listingId, date: "2030-06-15", price: 9_000 })).toEqual({
        date: "2030-06-15",
        price: 9_000,
      });
      expect(await calendar.blockDates({ listingId, from: "2030-06-15", to: "2030-06-17" })).toMatchObject({
        from: "2030-06-15",
        to: "2030-06-17",
      });
      await expect(
        calendar.setPriceOverride({ listingId, date: "2030-06-14", price: 9_000 }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Nights before 2030-06-15 are in the past and cannot be priced",
      });
    });
  });

  it("still clears prices and removes blocks once their first nights have passed", async () => {
    const { host, listingId } = await hostWithListing("past-nights-tidy", "published", "Pacific/Kiritimati");
    const weekBefore = new Date("2030-06-08T20:00:00Z");
    const block = await withCalendarAt(weekBefore, host, async (calendar) => {
      await calendar.setPriceOverrides({ listingId, from: "2030-06-12", to: "2030-06-20", price: 15_000 });
      return calendar.blockDates({ listingId, from: "2030-06-12", to: "2030-06-20" });
    });
    await withCalendarAt(kiritimatiMorning, host, async (calendar) => {
      expect(await calendar.clearPriceOverrides({ listingId, from: "2030-06-10", to: "2030-06-18" })).toEqual(
        {
          removed: 6,
        },
      );
      expect(await calendar.unblock({ blockId: block.id })).toMatchObject({
        from: "2030-06-12",
        to: "2030-06-20",
      });
    });
    const range = await trpcGet<Range>(
      "calendar.range",
      { listingId, from: "2030-06-16", to: "2030-06-20" },
      host.auth,
    );
    expect(range.data.days.map((d) => [d.status, d.priceOverridden])).toEqual([
      ["available", false],
      ["available", false],
      ["available", true],
      ["available", true],
    ]);
  });
});
