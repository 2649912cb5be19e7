import { epochDay, fromEpochDay, todayIn } from "@hometrip/contracts/dates";

const DAY_MS = 86_400_000;

/** The seed does all calendar arithmetic on epoch days (integers); this is today's, in UTC. */
export const epochDayAt = (now: Date): number => epochDay(todayIn("UTC", now));

/** The ISO date of an epoch day. */
export const isoDay = fromEpochDay;

/** A timestamp `minute` minutes into the given day. */
export function at(day: number, minute: number): Date {
  return new Date(day * DAY_MS + minute * 60_000);
}

/** 0 = Sunday … 6 = Saturday (day 0 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
