import { addDays, type IsoDate, todayIn, weekdayOf } from "@hometrip/contracts/dates";

/**
 * Test dates computed from the clock, so no suite expires on a calendar day: plain `YYYY-MM-DD`
 * strings in UTC, from the one date module. Nothing here imports Node, so the Worker tests
 * (workerd) use it too.
 */

/** Today's UTC date plus `days` (negative for the past). */
export function utcDaysFromToday(days: number, now: Date = new Date()): IsoDate {
  return addDays(todayIn("UTC", now), days);
}

/**
 * A run of future dates for a test that needs a fixed calendar ahead: `day(0)` is the first
 * `weekday` (0 Sunday … 6 Saturday) at least `ahead` days from today, `day(n)` is n days after it.
 * Tests whose rules depend on the weekday (weekend prices) keep it; every date stays in the future.
 */
export function futureDays(weekday: number, ahead = 60, now: Date = new Date()): (offset: number) => IsoDate {
  const earliest = utcDaysFromToday(ahead, now);
  const start = addDays(earliest, (weekday - weekdayOf(earliest) + 7) % 7);
  return (offset) => addDays(start, offset);
}
