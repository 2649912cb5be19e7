/**
 * The one module of calendar-date arithmetic, shared by core, contracts, search, the workers and
 * the web app. A date is an ISO `YYYY-MM-DD` string naming a calendar day, never an instant; a
 * night is named by the date it starts, and a stay or block covers the nights [from, to). All
 * arithmetic runs on UTC midnights, so no runtime's own zone or DST change can shift a date; a
 * zone enters only where an instant becomes a date (`dateIn`, `todayIn`).
 *
 * ISO dates compare correctly as strings (`a < b`), so there is no compare helper.
 */

/** `2026-06-12`: a calendar day. */
export type IsoDate = string;
/** `2026-06`: a calendar month. */
export type IsoMonth = string;

const DAY_MS = 86_400_000;

const utcMidnight = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`);
const isoOfTime = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);
const pad2 = (n: number) => String(n).padStart(2, "0");

/** A real calendar date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isIsoDate(value: string | null | undefined): value is IsoDate {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = utcMidnight(value);
  return !Number.isNaN(time) && isoOfTime(time) === value;
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoOfTime(utcMidnight(date) + days * DAY_MS);
}

/** Days from `from` to `to`: the number of nights of a stay [from, to); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Every date of the nights [from, to), in order; none when `to` is not after `from`. */
export function eachDate(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Length of a month; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is this month's last day.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day of the month `months` months on (back when negative), clamped to that month's
 * length: 31 January + 1 month is 28 (or 29) February, and 29 February + 12 months is 28 February.
 * Clamping means `addMonths(addMonths(d, 1), -1)` is not always `d`.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, "0")}-${pad2(targetMonth)}-${pad2(targetDay)}`;
}

/** The month a date is in: `2026-06-12` → `2026-06`. */
export const monthOf = (date: IsoDate): IsoMonth => date.slice(0, 7);

/** The month `count` months after `month` (before it when negative). */
export function shiftMonth(month: IsoMonth, count: number): IsoMonth {
  return monthOf(addMonths(`${month}-01`, count));
}

/** The first day of the month `date` is in. */
export const startOfMonth = (date: IsoDate): IsoDate => `${date.slice(0, 7)}-01`;

/** The last day of the month `date` is in. */
export const endOfMonth = (date: IsoDate): IsoDate =>
  addDays(startOfMonth(addMonths(startOfMonth(date), 1)), -1);

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export function weekdayOf(date: IsoDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

/** Days since 1970-01-01, for integer arithmetic and indexes (Typesense stores booked days so). */
export function epochDay(date: IsoDate): number {
  return Math.round(utcMidnight(date) / DAY_MS);
}

/** The date `epochDay` days after 1970-01-01. */
export function fromEpochDay(day: number): IsoDate {
  return isoOfTime(day * DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date at instant `at` in the IANA zone `timeZone` (undefined: the runtime's own
 * zone, e.g. a browser's). At 11:00 UTC it is already tomorrow in Pacific/Kiritimati (UTC+14) and
 * still yesterday in Pacific/Pago_Pago (UTC−11). Throws a RangeError for a zone Intl does not know.
 */
export function dateIn(timeZone: string | undefined, at: Date): IsoDate {
  const key = timeZone ?? "";
  let format = formatters.get(key);
  if (!format) {
    // Intl accepts a zone in any letter case, so a hostile caller could vary it without end.
    if (formatters.size >= 1000) formatters.clear();
    // en-CA formats a date as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(key, format);
  }
  return format.format(at);
}

/** Today in the zone, at `now`: "today" for a home in Tokyo is not today in UTC. Same as `dateIn`. */
export const todayIn: (timeZone: string | undefined, now: Date) => IsoDate = dateIn;
