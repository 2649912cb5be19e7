/**
 * Calendar arithmetic on ISO dates ("2026-06-12"). Nights are named by the date they start, and
 * ranges sent to the API are half-open [from, to) like bookings. Everything runs in UTC so a
 * host's own time zone can never shift a date by one.
 */
export type IsoDate = string;
/** "2026-06" */
export type IsoMonth = string;

const DAY_MS = 86_400_000;

const toUtc = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export const monthOf = (date: IsoDate): IsoMonth => date.slice(0, 7);

export function addMonths(month: IsoMonth, count: number): IsoMonth {
  const [y = 1970, m = 1] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Today where the home is: the calendar never offers nights that are already over there. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  try {
    return new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
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
  const weekday = (new Date(toUtc(first)).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDays(first, -weekday);
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
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
  const dates: IsoDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) dates.push(d);
  return dates;
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

export function formatMonth(month: IsoMonth): string {
  return new Date(toUtc(`${month}-01`)).toLocaleDateString("en", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** "Fri 12 Jun 2026" */
export function formatDay(date: IsoDate, style: "short" | "long" = "short"): string {
  return new Date(toUtc(date)).toLocaleDateString("en-GB", {
    weekday: style === "long" ? "long" : "short",
    day: "numeric",
    month: style === "long" ? "long" : "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
