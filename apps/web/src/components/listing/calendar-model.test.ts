import { describe, expect, it } from "vitest";
import { addDays, buildMonth, monthLabel, monthsFrom, stayRules } from "./calendar-model.ts";

describe("buildMonth", () => {
  it("lays a month out in Monday-first weeks", () => {
    // 1 June 2026 is a Monday; 30 days fill five weeks with five blanks at the end.
    const june = buildMonth(2026, 6);
    expect(june.weeks).toHaveLength(5);
    expect(june.weeks[0]?.[0]).toBe("2026-06-01");
    expect(june.weeks[4]).toEqual(["2026-06-29", "2026-06-30", null, null, null, null, null]);
    // 1 March 2026 is a Sunday: six blanks before it.
    const march = buildMonth(2026, 3);
    expect(march.weeks[0]).toEqual([null, null, null, null, null, null, "2026-03-01"]);
    expect(march.weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it("knows leap years", () => {
    expect(buildMonth(2028, 2).weeks.flat().filter(Boolean).at(-1)).toBe("2028-02-29");
    expect(buildMonth(2027, 2).weeks.flat().filter(Boolean).at(-1)).toBe("2027-02-28");
  });

  it("gives twelve months across a new year", () => {
    const months = monthsFrom("2026-08-17", 12);
    expect(months.map((m) => `${m.year}-${m.month}`)).toEqual([
      "2026-8",
      "2026-9",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-1",
      "2027-2",
      "2027-3",
      "2027-4",
      "2027-5",
      "2027-6",
      "2027-7",
    ]);
    expect(monthLabel(months[5]!)).toBe("January 2027");
  });
});

describe("stayRules", () => {
  // Nights 10–11 June are taken (a stay from the 10th, out on the 12th).
  const rules = stayRules({
    from: "2026-06-01",
    to: addDays("2026-06-01", 366),
    minNights: 2,
    maxNights: 7,
    unavailable: [{ from: "2026-06-10", to: "2026-06-12" }],
  });

  it("lets a stay start only where the minimum stay fits", () => {
    expect(rules.canCheckIn("2026-06-05")).toBe(true);
    expect(rules.canCheckIn("2026-06-09")).toBe(false); // one free night, then taken
    expect(rules.canCheckIn("2026-06-10")).toBe(false);
    expect(rules.canCheckIn("2026-06-12")).toBe(true); // the day the other stay leaves
    expect(rules.canCheckIn("2026-05-31")).toBe(false); // before today
  });

  it("allows a check-out on the day another stay arrives, within min and max nights", () => {
    expect(rules.canCheckOut("2026-06-05", "2026-06-10")).toBe(true);
    expect(rules.canCheckOut("2026-06-05", "2026-06-11")).toBe(false);
    expect(rules.canCheckOut("2026-06-05", "2026-06-06")).toBe(false); // below the minimum
    expect(rules.canCheckOut("2026-06-12", "2026-06-20")).toBe(false); // above the maximum
    expect(rules.canCheckOut("2026-06-12", "2026-06-19")).toBe(true);
  });

  it("picks check-in, then check-out, then starts over", () => {
    const none = { checkIn: null, checkOut: null };
    const first = rules.pick("2026-06-03", none);
    expect(first).toEqual({ checkIn: "2026-06-03", checkOut: null });
    // Past the taken nights is no check-out and is left alone.
    expect(rules.selectable("2026-06-13", first)).toBe(false);
    expect(rules.pick("2026-06-13", first)).toBe(first);
    // An earlier day moves the check-in.
    expect(rules.pick("2026-06-02", first)).toEqual({ checkIn: "2026-06-02", checkOut: null });
    const stay = rules.pick("2026-06-06", first);
    expect(stay).toEqual({ checkIn: "2026-06-03", checkOut: "2026-06-06" });
    expect(rules.pick("2026-06-20", stay)).toEqual({ checkIn: "2026-06-20", checkOut: null });
  });
});
