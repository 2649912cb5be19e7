import * as z from "zod";
import { zIsoDate, zText } from "./input-bounds.ts";

/** A calendar day as `YYYY-MM-DD` within the product's bounds; ranges are half-open [from, to) like bookings. */
export const zCalendarDate = zIsoDate;

export const zCalendarDayStatus = z.enum(["available", "booked", "blocked"]);
export type CalendarDayStatus = z.infer<typeof zCalendarDayStatus>;

export const zBlockDatesInput = z
  .object({
    listingId: z.uuid(),
    from: zCalendarDate,
    to: zCalendarDate,
    note: zText({ max: 500 }).optional(),
  })
  .refine((v) => v.to > v.from, { message: "`to` must be after `from`", path: ["to"] })
  // The prefix marks an imported block: a feed's sync or removal would take such a block with it.
  .refine((v) => !v.note?.startsWith("[ical:"), {
    message: "A note cannot start with “[ical:”, which marks imported blocks",
    path: ["note"],
  });

/**
 * Where a block comes from: the host (or an admin) by hand, or an imported iCal feed. An imported
 * block whose feed is no longer registered has a null `importId` and `feedHost`. `feedHost` is
 * the feed URL's host name (no path or query, which often carry the other platform's secret).
 */
export const zCalendarBlockSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("manual") }),
  z.object({ kind: z.literal("import"), importId: z.uuid().nullable(), feedHost: z.string().nullable() }),
]);
export type CalendarBlockSource = z.infer<typeof zCalendarBlockSource>;

export const zCalendarBlock = z.object({
  id: z.uuid(),
  listingId: z.uuid(),
  from: zCalendarDate,
  to: zCalendarDate,
  /** The host's own note; always null for an imported block (its source says where it is from). */
  note: z.string().nullable(),
  source: zCalendarBlockSource,
});
export type CalendarBlockView = z.infer<typeof zCalendarBlock>;

export const zPriceOverrideInput = z.object({
  listingId: z.uuid(),
  date: zCalendarDate,
  /** Minor units of the listing's currency. */
  price: z.int().min(0).max(100_000_000),
});

/** Every night of [from, to) at one price; the domain caps a call at 366 nights. */
export const zPriceOverridesInput = z
  .object({
    listingId: z.uuid(),
    from: zCalendarDate,
    to: zCalendarDate,
    price: zPriceOverrideInput.shape.price,
  })
  .refine((v) => v.to > v.from, { message: "`to` must be after `from`", path: ["to"] });

export const zClearPriceOverridesInput = z
  .object({ listingId: z.uuid(), from: zCalendarDate, to: zCalendarDate })
  .refine((v) => v.to > v.from, { message: "`to` must be after `from`", path: ["to"] });

export const zCalendarRangeInput = z
  .object({ listingId: z.uuid(), from: zCalendarDate, to: zCalendarDate })
  .refine((v) => v.to > v.from, { message: "`to` must be after `from`", path: ["to"] });

export const zCalendarDay = z.object({
  date: zCalendarDate,
  status: zCalendarDayStatus,
  /** Override for that date, else the weekend price on Friday/Saturday nights when set, else the nightly price; null while no price is set. */
  price: z.int().nullable(),
  priceOverridden: z.boolean(),
  bookingId: z.uuid().nullable(),
  blockId: z.uuid().nullable(),
  /** The host's own note on a manual block; null for imported blocks and free or booked nights. */
  blockNote: z.string().nullable(),
  /** Where the night's block comes from; null when no block holds the night. */
  blockSource: zCalendarBlockSource.nullable(),
});
export type CalendarDay = z.infer<typeof zCalendarDay>;

export const zCalendarRange = z.object({
  listingId: z.uuid(),
  currency: z.string(),
  minNights: z.int(),
  maxNights: z.int(),
  days: z.array(zCalendarDay),
});
export type CalendarRange = z.infer<typeof zCalendarRange>;

export const zListingAvailability = z.object({
  listingId: z.uuid(),
  from: zCalendarDate,
  to: zCalendarDate,
  minNights: z.int(),
  maxNights: z.int(),
  /** Occupied nights as half-open ranges; bookings and blocks look the same to the public. */
  unavailable: z.array(z.object({ from: zCalendarDate, to: zCalendarDate })),
});
export type ListingAvailability = z.infer<typeof zListingAvailability>;

/** Body of the scheduled iCal import job (QStash → workers /jobs/ical-import). */
export const zIcalImportJob = z.object({
  listingId: z.uuid(),
  url: z.url({ protocol: /^https?$/ }),
});
export type IcalImportJob = z.infer<typeof zIcalImportJob>;

/**
 * An iCal feed a host imports, as the host sees it. The `last*` fields describe the latest sync
 * attempt: `lastError` is set when the feed could not be fetched or read (its blocks were then
 * left as they were) and cleared by the next successful sync; `lastEventCount` is the number of
 * events the last successful sync read.
 */
export const zIcalImportView = z.object({
  id: z.uuid(),
  listingId: z.uuid(),
  url: z.string(),
  /** Short id of the URL; the feed's blocks carry it in their note as `[ical:<feedKey>] <uid>`. */
  feedKey: z.string(),
  /** The QStash schedule that syncs the feed every 30 minutes. */
  scheduleId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSyncedAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastEventCount: z.int().nullable(),
});
export type IcalImportView = z.infer<typeof zIcalImportView>;

/**
 * A request path as logs may keep it: an iCal export's file name is the feed's secret token
 * (`/ical/<listingId>/<token>.ics`), and anyone reading logs could subscribe to the calendar.
 */
export function withoutIcalToken(path: string): string {
  // Every request's access line passes here; only iCal paths need the pattern.
  if (!path.startsWith("/ical/")) return path;
  return path.replace(/^(\/ical\/[^/]*\/)[^/]+$/, "$1[token].ics");
}
