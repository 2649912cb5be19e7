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

const DAY_MS = 86_400_000;

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** One month laid out in Monday-first weeks. */
export function buildMonth(year: number, month: number): CalendarMonth {
  const first = Date.UTC(year, month - 1, 1);
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay: Sunday 0 … Saturday 6; Monday-first puts Sunday last.
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 0; day < length; day++) cells.push(fromTime(first + day * DAY_MS));
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

export function monthLabel(month: Pick<CalendarMonth, "year" | "month">, locale = "en"): string {
  return new Date(Date.UTC(month.year, month.month - 1, 1)).toLocaleDateString(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
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

  /** The selection after picking `date`: first the check-in, then the check-out, then anew. */
  const pick = (date: string, selection: StaySelection): StaySelection => {
    if (!selectable(date, selection)) return selection;
    if (selection.checkIn && !selection.checkOut && date > selection.checkIn) {
      return { checkIn: selection.checkIn, checkOut: date };
    }
    return { checkIn: date, checkOut: null };
  };

  return { nightFree, canCheckIn, canCheckOut, selectable, pick };
}

export type StayRules = ReturnType<typeof stayRules>;
