import { dateIn, type IsoDate } from "@hometrip/contracts/dates";
import ICAL from "ical.js";

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/**
 * Where a feed's date-times are read: the listing's zone (floating times, RFC 5545 §3.3.5, are
 * local to whoever reads them: here, the home) and the feed's own VTIMEZONE definitions.
 */
export type IcalZones = { listingZone: string; feedZones: Map<string, IcalTimezone> };

export function feedZones(calendar: InstanceType<typeof ICAL.Component>): Map<string, IcalTimezone> {
  const zones = new Map<string, IcalTimezone>();
  for (const component of calendar.getAllSubcomponents("vtimezone")) {
    const tzid = component.getFirstPropertyValue("tzid");
    if (typeof tzid === "string") zones.set(tzid, new ICAL.Timezone({ component, tzid }));
  }
  return zones;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** An IANA zone Intl knows, or null (Outlook writes Windows names such as "W. Europe Standard Time"). */
function intlZone(tzid: string): Intl.DateTimeFormat | null {
  const known = offsetFormats.get(tzid);
  if (known) return known;
  try {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: tzid,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    if (offsetFormats.size >= 1000) offsetFormats.clear();
    offsetFormats.set(tzid, format);
    return format;
  } catch {
    return null;
  }
}

/** The zone's offset from UTC at `instant`, in ms. */
function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const part = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)] as const),
  );
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in an IANA zone. In a DST gap the clock time does not
 * exist and the later offset is used; in an overlap the first of the two instants is taken.
 */
function instantOfWallTime(wall: number, format: Intl.DateTimeFormat): number {
  const first = wall - offsetAt(format, wall);
  return wall - offsetAt(format, first);
}

const wallClock = (t: IcalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** The instant of a date-time, in ms: UTC (`Z`), in its TZID zone, or floating (the listing's zone). */
function instantOf(time: IcalTime, tzid: string | null, zones: IcalZones): number {
  if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === "UTC") return wallClock(time);
  const format = (tzid && intlZone(tzid)) || null;
  if (format) return instantOfWallTime(wallClock(time), format);
  const defined = tzid ? zones.feedZones.get(tzid) : undefined;
  if (defined) {
    const zoned = time.clone();
    zoned.zone = defined;
    return zoned.toUnixTime() * 1000;
  }
  return instantOfWallTime(wallClock(time), intlZone(zones.listingZone) ?? intlZone("UTC")!);
}

/**
 * The calendar date of a DATE or DATE-TIME value where the home is. An all-day date is already
 * the home's date (a Booking.com "2027-05-01" means the night of the 1st wherever the reader is);
 * a date-time is converted to the listing's zone, so a 23:00 UTC check-in is the next day in Tokyo.
 */
export function listingDateOf(time: IcalTime, tzid: string | null, zones: IcalZones): IsoDate {
  if (time.isDate) return time.toString();
  return dateIn(zones.listingZone, new Date(instantOf(time, tzid, zones)));
}
