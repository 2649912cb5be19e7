import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dateIn,
  daysBetween,
  daysInMonth,
  eachDate,
  endOfMonth,
  epochDay,
  fromEpochDay,
  isIsoDate,
  monthOf,
  shiftMonth,
  startOfMonth,
  todayIn,
  weekdayOf,
} from "./dates.ts";

/** Dates from year 1900 to 2200, as the module's users see them. */
const isoDate = fc
  .integer({ min: epochDay("1900-01-01"), max: epochDay("2200-12-31") })
  .map((day) => fromEpochDay(day));
const dayCount = fc.integer({ min: -4000, max: 4000 });

/** This year, from the clock, so nothing here expires. */
const year = new Date().getUTCFullYear();

describe("date arithmetic (properties)", () => {
  it("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(isoDate, dayCount, (date, days) => {
        const later = addDays(date, days);
        expect(isIsoDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(days);
        expect(addDays(later, -days)).toBe(date);
      }),
    );
  });

  it("eachDate lists daysBetween dates, consecutive and half-open", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -3, max: 60 }), (from, nights) => {
        const dates = eachDate(from, addDays(from, nights));
        expect(dates).toHaveLength(Math.max(0, nights));
        expect(dates).toEqual(dates.map((_, i) => addDays(from, i)));
      }),
    );
  });

  it("addMonths keeps the day when the month has it and clamps otherwise", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const moved = addMonths(date, months);
        expect(isIsoDate(moved)).toBe(true);
        expect(monthOf(moved)).toBe(shiftMonth(monthOf(date), months));
        const [y, m] = moved.split("-").map(Number) as [number, number];
        expect(Number(moved.slice(8))).toBe(Math.min(Number(date.slice(8)), daysInMonth(y, m)));
      }),
    );
  });

  it("epoch days, weekdays and ISO strings agree with Date", () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(fromEpochDay(epochDay(date))).toBe(date);
        expect(weekdayOf(date)).toBe(new Date(`${date}T12:00:00Z`).getUTCDay());
        expect(startOfMonth(date) <= date && date <= endOfMonth(date)).toBe(true);
        expect(addDays(endOfMonth(date), 1)).toBe(startOfMonth(addMonths(startOfMonth(date), 1)));
      }),
    );
  });

  it("ISO dates order as strings as they do in time", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(a < b).toBe(daysBetween(a, b) > 0);
      }),
    );
  });
});

describe("date arithmetic (cases)", () => {
  it("clamps month ends and leap days", () => {
    expect(addMonths(`${year}-01-31`, 1)).toBe(`${year}-02-${daysInMonth(year, 2)}`);
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 48)).toBe("2028-02-29");
    expect(addMonths(`${year}-03-31`, -1)).toBe(`${year}-02-${daysInMonth(year, 2)}`);
    expect(addMonths(`${year}-12-15`, 1)).toBe(`${year + 1}-01-15`);
    expect(addMonths(`${year}-01-15`, -13)).toBe(`${year - 2}-12-15`);
    expect(shiftMonth(`${year}-12`, 1)).toBe(`${year + 1}-01`);
    expect(shiftMonth(`${year}-01`, -1)).toBe(`${year - 1}-12`);
  });

  it("crosses year ends and leap days by the day", () => {
    expect(addDays(`${year}-12-31`, 1)).toBe(`${year + 1}-01-01`);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween(`${year}-01-01`, `${year + 1}-01-01`)).toBe(daysInMonth(year, 2) === 29 ? 366 : 365);
  });

  it("accepts only real calendar dates", () => {
    for (const good of [`${year}-01-01`, "2028-02-29", `${year}-12-31`]) expect(isIsoDate(good)).toBe(true);
    for (const bad of ["2027-02-29", `${year}-13-01`, `${year}-1-01`, `${year}-01-01T00:00:00Z`, "", null]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
});

describe("dates in a zone", () => {
  // 11:00 UTC: Kiritimati (UTC+14) is at 01:00 the next day, Pago Pago (UTC−11) at 00:00 today.
  const instant = new Date(Date.UTC(year, 5, 15, 11, 0));
  const utcDate = `${year}-06-15`;

  it("puts the date line where it is", () => {
    expect(dateIn("UTC", instant)).toBe(utcDate);
    expect(dateIn("Pacific/Kiritimati", instant)).toBe(addDays(utcDate, 1));
    expect(dateIn("Pacific/Pago_Pago", instant)).toBe(utcDate);
    expect(dateIn("Pacific/Pago_Pago", new Date(instant.getTime() - 60_000))).toBe(addDays(utcDate, -1));
    expect(dateIn("Pacific/Kiritimati", new Date(instant.getTime() - 61 * 60_000))).toBe(utcDate);
    expect(todayIn("Asia/Tokyo", instant)).toBe(utcDate);
  });

  it("turns the date at local midnight on both sides of a DST change", () => {
    // Berlin: UTC+1 in winter, UTC+2 in summer, changing on the last Sundays of March and October.
    const lastSunday = (month: string) => {
      const end = endOfMonth(`${year}-${month}-01`);
      return addDays(end, -weekdayOf(end));
    };
    const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00Z`);
    const spring = lastSunday("03");
    const before = addDays(spring, -1);
    expect(dateIn("Europe/Berlin", at(before, "22:30"))).toBe(before); // 23:30 CET
    expect(dateIn("Europe/Berlin", at(before, "23:30"))).toBe(spring); // 00:30 CET
    expect(dateIn("Europe/Berlin", at(spring, "21:30"))).toBe(spring); // 23:30 CEST
    expect(dateIn("Europe/Berlin", at(spring, "22:30"))).toBe(addDays(spring, 1)); // 00:30 CEST
    const autumn = lastSunday("10");
    const eve = addDays(autumn, -1);
    expect(dateIn("Europe/Berlin", at(eve, "21:30"))).toBe(eve); // 23:30 CEST
    expect(dateIn("Europe/Berlin", at(eve, "22:30"))).toBe(autumn); // 00:30 CEST
    expect(dateIn("Europe/Berlin", at(autumn, "22:30"))).toBe(autumn); // 23:30 CET
    expect(dateIn("Europe/Berlin", at(autumn, "23:30"))).toBe(addDays(autumn, 1)); // 00:30 CET
  });

  it("refuses a zone Intl does not know", () => {
    expect(() => dateIn("Mars/Olympus_Mons", instant)).toThrow(RangeError);
  });
});
