import { addDays } from "@hometrip/contracts/dates";

/** An external event as a half-open date range; times are dropped, only the dates matter to a stay. */
export type IcalImportedEvent = { uid: string; from: string; to: string; summary: string };

const unescapeIcalText = (text: string) =>
  text.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === "n" || c === "N" ? "\n" : c));

/** `20260105` or `20260105T140000Z` → `2026-01-05`; anything else → null. */
function icalDate(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$/.exec(value.trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** The text is not a whole calendar; syncing it would unblock every date it failed to list. */
export class IcalParseError extends Error {
  override readonly name = "IcalParseError";
}

/**
 * A small RFC 5545 reader covering what booking platforms export: unfolds lines, reads the
 * VEVENTs' UID, DTSTART, DTEND (or DURATION-less one-day events), SUMMARY and STATUS. Cancelled
 * events and ones without usable dates are left out; recurrence rules are not expanded. Throws
 * IcalParseError when the text is not one complete VCALENDAR (a truncated download must not read
 * as "these events were cancelled").
 */
export function parseIcalEvents(text: string): IcalImportedEvent[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\n[ \t]/g, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line !== "");
  if (lines[0]?.toUpperCase() !== "BEGIN:VCALENDAR") {
    throw new IcalParseError("The feed does not start with BEGIN:VCALENDAR");
  }
  if (lines.at(-1)?.toUpperCase() !== "END:VCALENDAR") {
    throw new IcalParseError("The feed ends before END:VCALENDAR (incomplete download?)");
  }
  const events: IcalImportedEvent[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines.slice(1, -1)) {
    const upper = line.toUpperCase();
    if (upper === "BEGIN:VEVENT") {
      if (current) throw new IcalParseError("An event starts inside another event");
      current = {};
    } else if (upper === "END:VEVENT") {
      if (!current) throw new IcalParseError("END:VEVENT without BEGIN:VEVENT");
      const event = toEvent(current, events.length);
      if (event) events.push(event);
      current = null;
    } else if (upper === "BEGIN:VCALENDAR" || upper === "END:VCALENDAR") {
      throw new IcalParseError("More than one calendar in the feed");
    } else if (current) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const name = line.slice(0, colon).split(";")[0]!.toUpperCase();
      current[name] ??= line.slice(colon + 1);
    }
  }
  if (current) throw new IcalParseError("An event is not closed with END:VEVENT");
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
