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
 * dropped. Wall-clock arithmetic is off by the offset change when a DST change falls in the
 * window, so the landing is corrected onto the local end time, and the step repeats if it still
 * lands inside (the end time skipped, or happening twice).
 */
export function afterQuietHours(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return at;
  let candidate = at;
  for (let step = 0; step < 4 && inQuietHours(candidate, quiet, timeZone); step++) {
    const m = localMinuteOfDay(candidate, timeZone);
    const wait = (minutesOf(quiet.end) - m + 1440) % 1440 || 1440;
    const startOfMinute = Math.floor(candidate.getTime() / minuteMs) * minuteMs;
    const stepped = new Date(startOfMinute + wait * minuteMs);
    // A DST change in between moves the wall clock by its offset: step back (or on) onto the end time.
    const drift = ((localMinuteOfDay(stepped, timeZone) - minutesOf(quiet.end) + 2160) % 1440) - 720;
    const onEnd = new Date(stepped.getTime() - drift * minuteMs);
    candidate = drift !== 0 && onEnd > candidate && !inQuietHours(onEnd, quiet, timeZone) ? onEnd : stepped;
  }
  return candidate;
}
