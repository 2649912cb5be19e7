import { addDays, todayIn } from "@hometrip/contracts/dates";
import { SearchQueryError } from "./port.ts";

/**
 * The earliest check-in a search accepts at `now`: yesterday in UTC, which is still today in
 * the zones furthest behind it (UTC−12), so no home anywhere loses a night it can still sell.
 * Anything earlier is over everywhere: no stay can start then (quotes say `in_the_past`), and
 * `listing_search` keeps no occupancy from before it (migration 0009), so the answer would be wrong.
 */
export function earliestSearchCheckIn(now: Date): string {
  return addDays(todayIn("UTC", now), -1);
}

/** Refuses a search for a stay that starts before `earliestSearchCheckIn(now)`. */
export function refusePastStay(query: { checkIn?: string }, now: Date): void {
  if (!query.checkIn) return;
  const earliest = earliestSearchCheckIn(now);
  if (query.checkIn < earliest) {
    throw new SearchQueryError(`checkIn ${query.checkIn} has passed; the earliest check-in is ${earliest}`);
  }
}
