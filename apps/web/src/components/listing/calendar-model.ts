import {
  addDays,
  addMonths,
  daysBetween,
  eachDate,
  endOfMonth,
  startOfMonth,
  weekdayOf,
} from "@hometrip/contracts/dates";
import { formatMonth } from "../../lib/format.ts";

/**
 * The availability calendar's rules, apart from React. Dates are ISO `YYYY-MM-DD` strings for UTC
 * calendar days (the API's form); a stay occupies the nights [checkIn, checkOut), so a check-out
 * day may be a night someone else has (back-to-back stays).
 */
export type Availability = {
  from: string;
  to: string;
  minNights: number;
  maxNights: number;
  unavailable: { from: string; to: string }[];
};

export type StaySelection = { checkIn: string | null; checkOut: string | null };

export type CalendarMonth = {
  year: number;
  /** 1–12. */
  month: number;
  /** Weeks from Monday to Sunday; null pads the days of other months. */
  weeks: (string | null)[][];
};

/** One month laid out in Monday-first weeks. */
export function buildMonth(year: number, month: number): CalendarMonth {
  const first = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
  // weekdayOf: Sunday 0 … Saturday 6; Monday-first puts Sunday last.
  const lead = (weekdayOf(first) + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  cells.push(...eachDate(first, addMonths(first, 1)));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, weeks };
}

/** `count` consecutive months starting with the month of `from`. */
export function monthsFrom(from: string, count: number): CalendarMonth[] {
  const [year, month] = from.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = month - 1 + i;
    return buildMonth(year + Math.floor(index / 12), (index % 12) + 1);
  });
}

/** Every day of the months, in order, without the grid's blank cells. */
export function daysOf(months: CalendarMonth[]): string[] {
  return months.flatMap((m) => m.weeks.flat()).filter((d): d is string => d !== null);
}

/** The first and last day the months cover: where keyboard focus may go. */
export function monthsRange(months: CalendarMonth[]): { first: string; last: string } {
  const days = daysOf(months);
  return { first: days[0]!, last: days.at(-1)! };
}

/** Which of the months holds `date`; -1 if none does. */
export function monthIndexOf(months: CalendarMonth[], date: string): number {
  const [year, month] = date.split("-").map(Number);
  return months.findIndex((m) => m.year === year && m.month === month);
}

/** The keys of the WAI-ARIA date grid and where each moves focus. */
export const dateGridMoves = {
  ArrowLeft: "previousDay",
  ArrowRight: "nextDay",
  ArrowUp: "previousWeek",
  ArrowDown: "nextWeek",
  Home: "weekStart",
  End: "weekEnd",
  PageUp: "previousMonth",
  PageDown: "nextMonth",
} as const;

export type DateMove = (typeof dateGridMoves)[keyof typeof dateGridMoves];

export function dateMoveForKey(key: string): DateMove | null {
  return Object.hasOwn(dateGridMoves, key) ? dateGridMoves[key as keyof typeof dateGridMoves] : null;
}

/**
 * Where focus goes from `date`, kept within `range`. Home and End stop at the month's edge: a
 * month's grid pads the other month's days with blanks, so the row a guest hears ends there.
 */
export function moveDate(date: string, move: DateMove, range: { first: string; last: string }): string {
  // Monday 0 … Sunday 6, as the grid lays weeks out.
  const weekday = (weekdayOf(date) + 6) % 7;
  const monthStart = startOfMonth(date);
  const monthEnd = endOfMonth(date);
  const next = {
    previousDay: () => addDays(date, -1),
    nextDay: () => addDays(date, 1),
    previousWeek: () => addDays(date, -7),
    nextWeek: () => addDays(date, 7),
    weekStart: () => maxDate(addDays(date, -weekday), monthStart),
    weekEnd: () => minDate(addDays(date, 6 - weekday), monthEnd),
    previousMonth: () => addMonths(date, -1),
    nextMonth: () => addMonths(date, 1),
  }[move]();
  return minDate(maxDate(next, range.first), range.last);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * The first month to show, `shown` at a time out of `total`, so that month `index` is in view:
 * unchanged while it is, otherwise paged by `shown` as the earlier/later buttons do.
 */
export function pageShowing(first: number, index: number, shown: number, total: number): number {
  let page = first;
  while (index >= page + shown && page < total - shown) page = Math.min(total - shown, page + shown);
  while (index < page && page > 0) page = Math.max(0, page - shown);
  return page;
}

/**
 * The one day of the shown days that is in the tab order (roving tabindex): the day last focused,
 * else the check-in or check-out, else the first day that can be picked, else the first day.
 */
export function tabStopDay(
  days: string[],
  focused: string | null,
  selection: StaySelection,
  selectable: (date: string) => boolean,
): string | undefined {
  const candidates = [focused, selection.checkIn, selection.checkOut];
  return (
    candidates.find((d): d is string => d !== null && days.includes(d)) ?? days.find(selectable) ?? days[0]
  );
}

export function monthLabel(month: Pick<CalendarMonth, "year" | "month">, locale = "en"): string {
  return formatMonth(`${month.year}-${String(month.month).padStart(2, "0")}`, locale);
}

/** The rules for one listing's year, with the taken nights indexed once. */
export function stayRules(availability: Availability) {
  const taken = new Set<string>();
  for (const range of availability.unavailable) {
    for (let d = range.from; d < range.to; d = addDays(d, 1)) taken.add(d);
  }
  const { from, to, minNights, maxNights } = availability;

  /** The night starting on `date` can be had. */
  const nightFree = (date: string) => date >= from && date < to && !taken.has(date);

  const nightsFree = (checkIn: string, nights: number) => {
    for (let i = 0; i < nights; i++) if (!nightFree(addDays(checkIn, i))) return false;
    return true;
  };

  /** A stay can start here: at least the minimum stay is free from this night on. */
  const canCheckIn = (date: string) => nightsFree(date, minNights);

  const canCheckOut = (checkIn: string, date: string) => {
    const nights = daysBetween(checkIn, date);
    return nights >= minNights && nights <= maxNights && nightsFree(checkIn, nights);
  };

  /** Whether a day may be picked given what is picked so far. */
  const selectable = (date: string, selection: StaySelection) => {
    if (selection.checkIn && !selection.checkOut) {
      if (date > selection.checkIn) return canCheckOut(selection.checkIn, date);
      return canCheckIn(date);
    }
    return canCheckIn(date);
  };

  /**
   * A day as the calendar names it. A taken night is "unavailable" unless it can end the stay (a
   * check-out may fall on another stay's first night); a free night that cannot be picked says
   * which end of the stay it cannot be.
   */
  const dayState = (date: string, selection: StaySelection): DayState => {
    if (date === selection.checkIn) return "check-in";
    if (date === selection.checkOut) return "check-out";
    if (selectable(date, selection)) return "available";
    if (!nightFree(date)) return "unavailable";
    const choosingCheckOut = selection.checkIn && !selection.checkOut && date > selection.checkIn;
    return choosingCheckOut ? "not available as check-out" : "not available as check-in";
  };

  /** The selection after picking `date`: first the check-in, then the check-out, then anew. */
  const pick = (date: string, selection: StaySelection): StaySelection => {
    if (!selectable(date, selection)) return selection;
    if (selection.checkIn && !selection.checkOut && date > selection.checkIn) {
      return { checkIn: selection.checkIn, checkOut: date };
    }
    return { checkIn: date, checkOut: null };
  };

  return { nightFree, canCheckIn, canCheckOut, selectable, pick, dayState };
}

export type StayRules = ReturnType<typeof stayRules>;

export type DayState =
  | "check-in"
  | "check-out"
  | "available"
  | "unavailable"
  | "not available as check-in"
  | "not available as check-out";
