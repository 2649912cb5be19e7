import type { QuietHours } from "@hometrip/contracts";

const minuteMs = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes since local midnight of `at` in `timeZone` (hourCycle h23: midnight is 0, never 24). */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === "minute")?.value ?? 0);
  return (hour % 24) * 60 + minute;
}

/** Whether local minute `m` lies in [start, end), the window wrapping midnight when start > end. */
export function inQuietHours(at: Date, quiet: QuietHours, timeZone: string): boolean {
  const m = localMinuteOfDay(at, timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/**
 * The first instant at or after `at` outside the member's quiet hours: a send is delayed, never
 * dropped. Wall-clock arithmetic can land inside the window again when a DST change falls in it
 * (the end time happens twice, or the clock skips it), so the step repeats from where it landed.
 */
export function afterQuietHours(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return at;
  let candidate = at;
  for (let step = 0; step < 4 && inQuietHours(candidate, quiet, timeZone); step++) {
    const m = localMinuteOfDay(candidate, timeZone);
    const wait = (minutesOf(quiet.end) - m + 1440) % 1440 || 1440;
    const startOfMinute = Math.floor(candidate.getTime() / minuteMs) * minuteMs;
    candidate = new Date(startOfMinute + wait * minuteMs);
  }
  return candidate;
}
