import { describe, expect, it } from "vitest";
import { datesThrough, homeToday, monthGrid, runsOf, unexpiredSelection } from "./calendar-dates.ts";

describe("monthGrid", () => {
  it("covers the month in Monday-first weeks, spill-over days included", () => {
    const june = monthGrid("2026-06"); // 1 June 2026 is a Monday
    expect(june.from).toBe("2026-06-01");
    expect(june.weeks).toHaveLength(5);
    expect(june.weeks[4]?.at(-1)).toBe("2026-07-05");
    expect(june.to).toBe("2026-07-06");

    const feb = monthGrid("2026-02"); // a Sunday the 1st
    expect(feb.from).toBe("2026-01-26");
    expect(feb.weeks[0]?.at(-1)).toBe("2026-02-01");
    expect(feb.weeks.every((w) => w.length === 7)).toBe(true);
    expect(feb.weeks.flat()).toContain("2026-02-28");
  });

  it("keeps leap days and year ends straight", () => {
    expect(monthGrid("2028-02").weeks.flat()).toContain("2028-02-29");
    expect(monthGrid("2026-12").to).toBe("2027-01-04");
  });
});

describe("selections", () => {
  it("lists the dates between two clicks in either order", () => {
    expect(datesThrough("2026-06-14", "2026-06-12")).toEqual(["2026-06-12", "2026-06-13", "2026-06-14"]);
    expect(datesThrough("2026-06-12", "2026-06-12")).toEqual(["2026-06-12"]);
  });

  it("turns nights into half-open ranges for calendar.blockDates", () => {
    expect(runsOf(["2026-06-15", "2026-06-12", "2026-06-13"])).toEqual([
      { from: "2026-06-12", to: "2026-06-14" },
      { from: "2026-06-15", to: "2026-06-16" },
    ]);
    expect(runsOf([])).toEqual([]);
  });

  it("drops the nights that are over from a selection, and the whole of one that has passed", () => {
    const week = { from: "2026-06-10", to: "2026-06-16" };
    expect(unexpiredSelection(week, "2026-06-09")).toEqual(week);
    expect(unexpiredSelection(week, "2026-06-10")).toEqual(week);
    expect(unexpiredSelection(week, "2026-06-13")).toEqual({ from: "2026-06-13", to: "2026-06-16" });
    expect(unexpiredSelection(week, "2026-06-16")).toEqual({ from: "2026-06-16", to: "2026-06-16" });
    expect(unexpiredSelection(week, "2026-06-17")).toBeNull();
    expect(unexpiredSelection(null, "2026-06-13")).toBeNull();
  });

  it("knows today in the home's time zone", () => {
    const now = new Date("2026-06-12T23:30:00Z");
    expect(homeToday("UTC", now)).toBe("2026-06-12");
    expect(homeToday("Asia/Tokyo", now)).toBe("2026-06-13");
    expect(homeToday("Not/AZone", now)).toBe("2026-06-12");
    // Where a host's today and UTC's differ, the calendar opens on the host's.
    expect(homeToday("Pacific/Kiritimati", new Date("2026-11-26T20:00:00Z"))).toBe("2026-11-27");
    expect(homeToday("Pacific/Pago_Pago", new Date("2026-11-27T05:00:00Z"))).toBe("2026-11-26");
  });
});
