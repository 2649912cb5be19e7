/**
 * Test dates computed from the clock, so no suite expires on a calendar day. Plain `YYYY-MM-DD`
 * strings in UTC; nothing here imports Node, so the Worker tests (workerd) use it too.
 */

const dayMs = 86_400_000;

/** Today's UTC date plus `days` (negative for the past). */
export function utcDaysFromToday(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() + days * dayMs).toISOString().slice(0, 10);
}

/**
 * A run of future dates for a test that needs a fixed calendar ahead: `day(0)` is the first
 * `weekday` (0 Sunday … 6 Saturday) at least `ahead` days from today, `day(n)` is n days after it.
 * Tests whose rules depend on the weekday (weekend prices) keep it; every date stays in the future.
 */
export function futureDays(weekday: number, ahead = 60, now: Date = new Date()): (offset: number) => string {
  const start = new Date(Date.parse(`${utcDaysFromToday(ahead, now)}T00:00:00Z`));
  start.setUTCDate(start.getUTCDate() + ((weekday - start.getUTCDay() + 7) % 7));
  return (offset) => new Date(start.getTime() + offset * dayMs).toISOString().slice(0, 10);
}
