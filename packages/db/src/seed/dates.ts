const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC); the seed does all calendar arithmetic on these integers. */
export function epochDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A timestamp `minute` minutes into the given day. */
export function at(day: number, minute: number): Date {
  return new Date(day * DAY_MS + minute * 60_000);
}

/** 0 = Sunday … 6 = Saturday (day 0 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
