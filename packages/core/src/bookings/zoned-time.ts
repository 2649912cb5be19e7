import type { IsoDate } from "@hometrip/contracts/dates";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instantMs`, in ms. */
function offsetAt(timeZone: string, instantMs: number): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instantMs))
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time on a date happens in `timeZone` ("15:00" on check-in day in the
 * listing's zone). A repeated time (clocks going back) is its first occurrence; a skipped one
 * (clocks going forward) is read with the offset before the jump, so it lands just after the gap.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  const halfDay = 12 * 3_600_000;
  // The zone's offsets half a day either side of the wall time cover any single DST change.
  const candidates = [wall - offsetAt(timeZone, wall - halfDay), wall - offsetAt(timeZone, wall + halfDay)];
  const valid = candidates.filter((instant) => instant + offsetAt(timeZone, instant) === wall);
  return new Date(valid.length > 0 ? Math.min(...valid) : (candidates[0] as number));
}
