import { addDays } from "@hometrip/contracts/dates";
import { describe, expect, it } from "vitest";
import {
  buildMonth,
  dateMoveForKey,
  monthIndexOf,
  monthLabel,
  monthsFrom,
  monthsRange,
  moveDate,
  pageShowing,
  stayRules,
  tabStopDay,
} from "./calendar-model.ts";

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

describe("dayState", () => {
  const rules = stayRules({
    from: "2026-06-03",
    to: addDays("2026-06-03", 366),
    minNights: 2,
    maxNights: 7,
    unavailable: [{ from: "2026-06-10", to: "2026-06-12" }],
  });
  const none = { checkIn: null, checkOut: null };

  it("names taken and past nights unavailable, and free nights that cannot start a stay for what they are not", () => {
    expect(rules.dayState("2026-06-05", none)).toBe("available");
    expect(rules.dayState("2026-06-10", none)).toBe("unavailable");
    expect(rules.dayState("2026-06-01", none)).toBe("unavailable"); // before today
    expect(rules.dayState("2026-06-09", none)).toBe("not available as check-in");
  });

  it("names the ends of the stay, and a taken night that can end it available", () => {
    const choosingOut = { checkIn: "2026-06-05", checkOut: null };
    expect(rules.dayState("2026-06-05", choosingOut)).toBe("check-in");
    expect(rules.dayState("2026-06-10", choosingOut)).toBe("available"); // another stay arrives
    expect(rules.dayState("2026-06-06", choosingOut)).toBe("not available as check-out");
    expect(rules.dayState("2026-06-11", choosingOut)).toBe("unavailable");
    expect(rules.dayState("2026-06-08", { checkIn: "2026-06-05", checkOut: "2026-06-08" })).toBe("check-out");
  });
});

describe("moving through the date grid", () => {
  // June 2026 to May 2027.
  const months = monthsFrom("2026-06-17", 12);
  const range = monthsRange(months);
  const move = (date: string, key: string) => {
    const m = dateMoveForKey(key);
    if (!m) throw new Error(`${key} moves nothing`);
    return moveDate(date, m, range);
  };

  it("covers the twelve whole months, from the first of the first to the last of the last", () => {
    expect(range).toEqual({ first: "2026-06-01", last: "2027-05-31" });
  });

  it("moves a day with the left and right arrows and a week with up and down, across months", () => {
    expect(move("2026-06-17", "ArrowRight")).toBe("2026-06-18");
    expect(move("2026-06-17", "ArrowLeft")).toBe("2026-06-16");
    expect(move("2026-06-30", "ArrowRight")).toBe("2026-07-01");
    expect(move("2026-06-17", "ArrowDown")).toBe("2026-06-24");
    expect(move("2026-06-28", "ArrowDown")).toBe("2026-07-05");
    expect(move("2026-07-03", "ArrowUp")).toBe("2026-06-26");
    expect(move("2026-12-31", "ArrowRight")).toBe("2027-01-01");
  });

  it("goes to the week's Monday with Home and its Sunday with End, within the month", () => {
    // Wednesday 17 June 2026.
    expect(move("2026-06-17", "Home")).toBe("2026-06-15");
    expect(move("2026-06-17", "End")).toBe("2026-06-21");
    expect(move("2026-06-21", "End")).toBe("2026-06-21");
    // 1 November 2026 is a Sunday, alone on its row; 30 June 2026 is a Tuesday.
    expect(move("2026-11-01", "Home")).toBe("2026-11-01");
    expect(move("2026-06-30", "End")).toBe("2026-06-30");
    expect(move("2026-06-30", "Home")).toBe("2026-06-29");
  });

  it("moves a month with Page Up and Page Down, keeping the day where the month has it", () => {
    expect(move("2026-06-17", "PageDown")).toBe("2026-07-17");
    expect(move("2026-07-17", "PageUp")).toBe("2026-06-17");
    expect(move("2027-01-31", "PageDown")).toBe("2027-02-28");
    expect(move("2026-08-31", "PageDown")).toBe("2026-09-30");
    expect(move("2026-12-15", "PageDown")).toBe("2027-01-15");
    expect(move("2027-01-15", "PageUp")).toBe("2026-12-15");
  });

  it("never leaves the twelve months", () => {
    expect(move("2026-06-01", "ArrowLeft")).toBe("2026-06-01");
    expect(move("2026-06-03", "ArrowUp")).toBe("2026-06-01");
    expect(move("2026-06-20", "PageUp")).toBe("2026-06-01");
    expect(move("2027-05-31", "ArrowRight")).toBe("2027-05-31");
    expect(move("2027-05-28", "ArrowDown")).toBe("2027-05-31");
    expect(move("2027-05-10", "PageDown")).toBe("2027-05-31");
  });

  it("ignores keys that are not the grid's", () => {
    expect(dateMoveForKey("Enter")).toBeNull();
    expect(dateMoveForKey("a")).toBeNull();
    expect(dateMoveForKey("toString")).toBeNull();
  });

  it("finds a date's month among the twelve", () => {
    expect(monthIndexOf(months, "2026-06-17")).toBe(0);
    expect(monthIndexOf(months, "2027-01-01")).toBe(7);
    expect(monthIndexOf(months, "2027-06-01")).toBe(-1);
  });
});

describe("pageShowing", () => {
  it("keeps the page while the month is in view and otherwise pages two at a time", () => {
    expect(pageShowing(0, 1, 2, 12)).toBe(0);
    expect(pageShowing(0, 2, 2, 12)).toBe(2);
    expect(pageShowing(2, 1, 2, 12)).toBe(0);
    expect(pageShowing(3, 2, 2, 12)).toBe(1);
    expect(pageShowing(0, 11, 2, 12)).toBe(10);
    // A page that began on an odd month stops at the last full page.
    expect(pageShowing(9, 11, 2, 12)).toBe(10);
  });
});

describe("tabStopDay", () => {
  const days = ["2026-07-01", "2026-07-02", "2026-07-03", "2026-07-04"];
  const none = { checkIn: null, checkOut: null };
  const from3rd = (d: string) => d >= "2026-07-03";

  it("is the focused day, else the check-in or check-out, else the first day that can be picked", () => {
    expect(tabStopDay(days, "2026-07-02", { checkIn: "2026-07-04", checkOut: null }, from3rd)).toBe(
      "2026-07-02",
    );
    expect(tabStopDay(days, "2026-08-01", { checkIn: "2026-07-04", checkOut: null }, from3rd)).toBe(
      "2026-07-04",
    );
    expect(tabStopDay(days, null, { checkIn: "2026-06-28", checkOut: "2026-07-02" }, from3rd)).toBe(
      "2026-07-02",
    );
    expect(tabStopDay(days, null, none, from3rd)).toBe("2026-07-03");
    expect(tabStopDay(days, null, none, () => false)).toBe("2026-07-01");
  });
});
