import { addDays } from "./dates.ts";

/** An external event as a half-open date range; times are dropped, only the dates matter to a stay. */
export type IcalImportedEvent = { uid: string; from: string; to: string; summary: string };

const unescapeIcalText = (text: string) =>
  text.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === "n" || c === "N" ? "\n" : c));

/** `20260105` or `20260105T140000Z` → `2026-01-05`; anything else → null. */
function icalDate(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$/.exec(value.trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/**
 * A small RFC 5545 reader covering what booking platforms export: unfolds lines, reads the
 * VEVENTs' UID, DTSTART, DTEND (or DURATION-less one-day events), SUMMARY and STATUS. Cancelled
 * events and ones without usable dates are left out; recurrence rules are not expanded.
 */
export function parseIcalEvents(text: string): IcalImportedEvent[] {
  const lines = text
    .replace(/\r\n/g, "\n")
    .replace(/\n[ \t]/g, "")
    .split("\n");
  const events: IcalImportedEvent[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      if (current) {
        const event = toEvent(current, events.length);
        if (event) events.push(event);
      }
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const name = line.slice(0, colon).split(";")[0]!.toUpperCase();
      current[name] ??= line.slice(colon + 1);
    }
  }
  return events;
}

function toEvent(props: Record<string, string>, index: number): IcalImportedEvent | null {
  if (props.STATUS?.toUpperCase() === "CANCELLED") return null;
  const from = props.DTSTART ? icalDate(props.DTSTART) : null;
  if (!from) return null;
  const end = props.DTEND ? icalDate(props.DTEND) : null;
  const to = end && end > from ? end : addDays(from, 1);
  return {
    uid: props.UID?.trim() || `no-uid-${index}-${from}`,
    from,
    to,
    summary: unescapeIcalText(props.SUMMARY ?? ""),
  };
}
