import { AppError } from "@hometrip/contracts";

const dayMs = 86_400_000;

/** `YYYY-MM-DD` plus `days`, computed in UTC so no zone or DST shift can move the date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** Today's date in the listing's IANA zone: "today" for a host in Tokyo is not UTC's today. */
export function todayIn(timezone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return parts;
}

/**
 * Refuses a host's change that starts on a night already over in the listing's zone. A stay
 * never starts before today there (quotes answer "in_the_past"), so pricing or blocking such a
 * night would affect nothing and only mislead the host.
 */
export function refusePastNights(
  from: string,
  listing: { timezone: string },
  now: Date,
  change: "priced" | "blocked",
): void {
  const today = todayIn(listing.timezone, now);
  if (from < today) {
    throw new AppError("BAD_REQUEST", `Nights before ${today} are in the past and cannot be ${change}`);
  }
}
