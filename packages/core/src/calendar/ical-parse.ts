import { addDays, dateIn, type IsoDate, isIsoDate } from "@hometrip/contracts/dates";
import ICAL from "ical.js";
import { feedZones, type IcalZones, listingDateOf } from "./ical-time.ts";

/** An external event as a half-open range of the listing's nights; times only decide the dates. */
export type IcalImportedEvent = { uid: string; from: string; to: string; summary: string };

/** How far ahead recurring events are expanded: two years, as far as search keeps occupancy. */
export const ICAL_IMPORT_HORIZON_DAYS = 730;

/** Occurrences read per recurring event at most: a FREQ=SECONDLY rule must not spin the worker. */
const MAX_OCCURRENCE_STEPS = 3000;

export type IcalReadOptions = {
  /** The listing's IANA zone: date-times become the listing's dates. */
  timezone: string;
  /** Recurrences are expanded from today (in that zone) over `horizonDays`. */
  now: Date;
  horizonDays?: number;
};

/** The text is not a whole calendar; syncing it would unblock every date it failed to list. */
export class IcalParseError extends Error {
  override readonly name = "IcalParseError";
}

type IcalEvent = InstanceType<typeof ICAL.Event>;
type IcalComponent = InstanceType<typeof ICAL.Component>;

/**
 * Reads a feed with ical.js (RFC 5545): folded lines, escapes, DTEND or DURATION, TZID, UTC and
 * floating date-times, and recurring events (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides)
 * expanded from today over the horizon. A one-off event keeps its UID; each occurrence of a
 * recurring one is `<UID>#<its RECURRENCE-ID>`, so an occurrence keeps its block across syncs.
 * Cancelled events and occurrences block nothing. Throws IcalParseError unless the text is one
 * complete VCALENDAR: a truncated download must not read as "these events were cancelled".
 */
export function parseIcalEvents(text: string, opts: IcalReadOptions): IcalImportedEvent[] {
  const calendar = readCalendar(text);
  const zones: IcalZones = { listingZone: knownZoneOr(opts.timezone, "UTC"), feedZones: feedZones(calendar) };
  const today = dateIn(zones.listingZone, opts.now);
  const window = { from: today, to: addDays(today, opts.horizonDays ?? ICAL_IMPORT_HORIZON_DAYS) };

  // `exceptions: []` stops ical.js relating every override in the calendar, whatever its UID.
  const mains = calendar
    .getAllSubcomponents("vevent")
    .filter((vevent) => !vevent.hasProperty("recurrence-id"))
    .map((vevent) => new ICAL.Event(vevent, { strictExceptions: true, exceptions: [] }));
  const series = new Map<string, IcalEvent>();
  for (const event of mains) {
    const uid = uidOf(event.component);
    if (uid && event.isRecurring() && !series.has(uid)) series.set(uid, event);
  }
  const orphans: IcalComponent[] = [];
  for (const override of calendar.getAllSubcomponents("vevent")) {
    if (!override.hasProperty("recurrence-id")) continue;
    const master = series.get(uidOf(override));
    if (!master || !readable(() => master.relateException(override))) orphans.push(override);
  }
  const events: IcalImportedEvent[] = [];
  mains.forEach((event, index) => {
    readable(() => {
      if (event.isRecurring()) events.push(...expand(event, zones, window));
      else events.push(...occurrence(event, event.component, zones, "", index));
    });
  });
  // An override whose series is not in the feed still says the home is taken then.
  for (const override of orphans) {
    readable(() =>
      events.push(...occurrence(new ICAL.Event(override), override, zones, `#${recurrenceKey(override)}`)),
    );
  }
  // Years such as 0 or 10000 read, but are no dates a stay can have (nor Postgres store).
  return events.filter((e) => isIsoDate(e.from) && isIsoDate(e.to));
}

/**
 * Runs `read`, answering whether it succeeded. ical.js decodes values lazily and throws a bare
 * Error for one it cannot read (`DTSTART:garbage`, `UNTIL=zzz`); such an event is left out, as
 * an event without usable dates always was, and the rest of the feed is still read.
 */
function readable(read: () => void): boolean {
  try {
    read();
    return true;
  } catch {
    return false;
  }
}

function readCalendar(text: string): IcalComponent {
  const unfolded = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\n[ \t]/g, "")
    .trim();
  if (!/^BEGIN:VCALENDAR$/im.test(unfolded.split("\n", 1)[0] ?? "")) {
    throw new IcalParseError("The feed does not start with BEGIN:VCALENDAR");
  }
  if (!/^END:VCALENDAR$/i.test(unfolded.slice(unfolded.lastIndexOf("\n") + 1).trim())) {
    throw new IcalParseError("The feed ends before END:VCALENDAR (incomplete download?)");
  }
  const begins = unfolded.match(/^BEGIN:/gim)?.length ?? 0;
  const ends = unfolded.match(/^END:/gim)?.length ?? 0;
  if (begins !== ends) throw new IcalParseError("The feed's BEGIN and END lines do not pair up");
  let parsed: unknown;
  try {
    parsed = ICAL.parse(unfolded);
  } catch (error) {
    throw new IcalParseError(`The feed is not valid iCalendar: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== "string") {
    throw new IcalParseError("More than one calendar in the feed");
  }
  return new ICAL.Component(parsed as unknown as ConstructorParameters<typeof ICAL.Component>[0]);
}

function knownZoneOr(zone: string, fallback: string): string {
  try {
    dateIn(zone, new Date(0));
    return zone;
  } catch {
    return fallback;
  }
}

const uidOf = (vevent: IcalComponent) => String(vevent.getFirstPropertyValue("uid") ?? "").trim();

const cancelled = (vevent: IcalComponent) =>
  String(vevent.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED";

const tzidOf = (vevent: IcalComponent, name: string): string | null => {
  const tzid = vevent.getFirstProperty(name)?.getParameter("tzid");
  return typeof tzid === "string" ? tzid : null;
};

function recurrenceKey(vevent: IcalComponent): string {
  const id = vevent.getFirstPropertyValue("recurrence-id");
  return id instanceof ICAL.Time ? id.toICALString() : String(id);
}

/** One occurrence (the event itself, or an override) as the listing's nights; none when cancelled. */
function occurrence(
  event: IcalEvent,
  vevent: IcalComponent,
  zones: IcalZones,
  uidSuffix: string,
  index = 0,
  times: { start: InstanceType<typeof ICAL.Time>; end: InstanceType<typeof ICAL.Time> } = {
    start: event.startDate,
    end: event.endDate,
  },
): IcalImportedEvent[] {
  if (cancelled(vevent) || !times.start) return [];
  const startZone = tzidOf(vevent, "dtstart");
  const from = listingDateOf(times.start, startZone, zones);
  const endZone = vevent.hasProperty("dtend") ? tzidOf(vevent, "dtend") : startZone;
  const end = times.end ? listingDateOf(times.end, endZone, zones) : from;
  const uid = uidOf(vevent) || `no-uid-${index}-${from}`;
  return [
    {
      uid: `${uid}${uidSuffix}`,
      from,
      to: end > from ? end : addDays(from, 1),
      summary: event.summary ?? "",
    },
  ];
}

/** The occurrences of a recurring event that are not over by today and start within the horizon. */
function expand(
  event: IcalEvent,
  zones: IcalZones,
  window: { from: IsoDate; to: IsoDate },
): IcalImportedEvent[] {
  if (cancelled(event.component)) return [];
  const found: IcalImportedEvent[] = [];
  // Occurrences on the same nights (a rule finer than a day) are one block, not a pile of overlaps.
  const seen = new Set<string>();
  const iterator = event.iterator();
  for (let step = 0; step < MAX_OCCURRENCE_STEPS; step++) {
    const next = iterator.next();
    if (!next) break;
    const details = event.getOccurrenceDetails(next);
    const item = details.item ?? event;
    const [night] = occurrence(item, item.component, zones, `#${next.toICALString()}`, 0, {
      start: details.startDate,
      end: details.endDate,
    });
    const pastHorizon = listingDateOf(next, tzidOf(event.component, "dtstart"), zones) >= window.to;
    if (night && night.to > window.from && night.from < window.to && !seen.has(`${night.from}/${night.to}`)) {
      seen.add(`${night.from}/${night.to}`);
      found.push(night);
    }
    if (pastHorizon) break;
  }
  return found;
}
