/**
 * The host calendar's grid and selections on ISO dates ("2026-06-12"); the arithmetic is the shared
 * date module's. Nights are named by the date they start, and ranges sent to the API are half-open
 * [from, to) like bookings.
 */
import {
  addDays,
  eachDate,
  type IsoDate,
  type IsoMonth,
  shiftMonth,
  todayIn,
  weekdayOf,
} from "@hometrip/contracts/dates";

export type { IsoDate, IsoMonth };

/**
 * Today where the home is: the calendar never offers nights that are already over there. A zone
 * the browser does not know falls back to UTC rather than breaking the page.
 */
export function homeToday(timeZone: string, now: Date = new Date()): IsoDate {
  try {
    return todayIn(timeZone, now);
  } catch {
    return todayIn("UTC", now);
  }
}

/**
 * The part of a selection not yet over where the home is: the API refuses to price or block a
 * night before today, and a page left open past midnight may still hold yesterday. Null when
 * every selected night is over.
 */
export function unexpiredSelection(
  selection: { from: IsoDate; to: IsoDate } | null,
  today: IsoDate,
): { from: IsoDate; to: IsoDate } | null {
  if (selection === null || selection.to < today) return null;
  return selection.from < today ? { from: today, to: selection.to } : selection;
}

export type MonthGrid = {
  month: IsoMonth;
  /** First and one-past-last day shown (Monday-first full weeks), ready for calendar.range. */
  from: IsoDate;
  to: IsoDate;
  weeks: IsoDate[][];
};

/** The weeks (Monday to Sunday) that cover a month, including the spill-over days around it. */
export function monthGrid(month: IsoMonth): MonthGrid {
  const first = `${month}-01`;
  const weekday = (weekdayOf(first) + 6) % 7; // Monday = 0
  const from = addDays(first, -weekday);
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  const weeks: IsoDate[][] = [];
  let day = from;
  while (day <= last) {
    const week: IsoDate[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return { month, from, to: day, weeks };
}

/** Every date from `a` to `b`, both included, whichever comes first. */
export function datesThrough(a: IsoDate, b: IsoDate): IsoDate[] {
  const [start, end] = a <= b ? [a, b] : [b, a];
  return eachDate(start, addDays(end, 1));
}

/** Consecutive runs of the given dates as half-open ranges: [12, 13, 15] → [12,14), [15,16). */
export function runsOf(dates: readonly IsoDate[]): { from: IsoDate; to: IsoDate }[] {
  const sorted = [...new Set(dates)].sort();
  const runs: { from: IsoDate; to: IsoDate }[] = [];
  for (const date of sorted) {
    const last = runs.at(-1);
    if (last && last.to === date) last.to = addDays(date, 1);
    else runs.push({ from: date, to: addDays(date, 1) });
  }
  return runs;
}

/** "Fri 12 Jun 2026" */
export function formatDay(date: IsoDate, style: "short" | "long" = "short"): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    weekday: style === "long" ? "long" : "short",
    day: "numeric",
    month: style === "long" ? "long" : "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
