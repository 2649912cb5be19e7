import { AppError, type IcalImportView } from "@hometrip/contracts";
import {
  calendarBlocks,
  type Database,
  type DbOrTx,
  type IcalImport,
  icalImports,
  listings,
} from "@hometrip/db";
import { and, asc, count, eq, like } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import { icalFeedKey, icalNotePrefix } from "./ical-sync.ts";

export const MAX_ICAL_IMPORTS_PER_LISTING = 5;

/** Longest error text kept for the host; the full error stays in the worker's log. */
const MAX_ERROR_LENGTH = 500;

export async function listIcalImports(db: DbOrTx, listingId: string): Promise<IcalImport[]> {
  return db
    .select()
    .from(icalImports)
    .where(eq(icalImports.listingId, listingId))
    .orderBy(asc(icalImports.createdAt), asc(icalImports.id));
}

export async function findIcalImport(db: DbOrTx, listingId: string, url: string): Promise<IcalImport | null> {
  const [row] = await db
    .select()
    .from(icalImports)
    .where(and(eq(icalImports.listingId, listingId), eq(icalImports.url, url)));
  return row ?? null;
}

/**
 * Registers a feed for a listing, or returns the one already registered with that URL. The
 * listing row is locked while counting, so two hosts' tabs adding feeds at once cannot pass the
 * limit together.
 */
export async function registerIcalImport(
  db: Database,
  opts: { listingId: string; url: string; max?: number },
): Promise<{ feed: IcalImport; created: boolean }> {
  const max = opts.max ?? MAX_ICAL_IMPORTS_PER_LISTING;
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .select({ id: listings.id })
      .from(listings)
      .where(eq(listings.id, opts.listingId))
      .for("update");
    if (!listing) throw new AppError("NOT_FOUND", "No such listing");
    const existing = await findIcalImport(tx, opts.listingId, opts.url);
    if (existing) return { feed: existing, created: false };
    const [counted] = await tx
      .select({ n: count() })
      .from(icalImports)
      .where(eq(icalImports.listingId, opts.listingId));
    if ((counted?.n ?? 0) >= max) {
      throw new AppError("BAD_REQUEST", `A listing can import at most ${max} calendars`);
    }
    const [feed] = await tx
      .insert(icalImports)
      .values({ listingId: opts.listingId, url: opts.url })
      .returning();
    if (!feed) throw new Error("ical_imports insert returned nothing");
    return { feed, created: true };
  });
}

export async function setIcalImportSchedule(
  db: DbOrTx,
  importId: string,
  scheduleId: string,
): Promise<IcalImport> {
  const [feed] = await db
    .update(icalImports)
    .set({ scheduleId })
    .where(eq(icalImports.id, importId))
    .returning();
  if (!feed) throw new AppError("NOT_FOUND", "No such calendar import");
  return feed;
}

/** Forgets the feed and returns what was removed (its schedule is the caller's to stop). */
export async function unregisterIcalImport(
  db: DbOrTx,
  listingId: string,
  url: string,
): Promise<IcalImport | null> {
  const [removed] = await db
    .delete(icalImports)
    .where(and(eq(icalImports.listingId, listingId), eq(icalImports.url, url)))
    .returning();
  return removed ?? null;
}

/**
 * A host removing a feed: its row and every block it made on the listing go in one transaction,
 * so the dates it held are free again (the host's own blocks and bookings are untouched; another
 * feed's blocks carry another key). Deleting the row first takes the lock a running sync holds,
 * so a sync either finishes before and its blocks go too, or finds no feed and adds none.
 * `eventId` is the listing.changed outbox id when blocks were freed; the schedule is the
 * caller's to stop.
 */
export async function removeIcalFeed(
  db: Database,
  listingId: string,
  url: string,
): Promise<{ feed: IcalImport | null; freedBlocks: number; eventId: string | null }> {
  const prefix = icalNotePrefix(await icalFeedKey(url));
  return db.transaction(async (tx) => {
    const feed = await unregisterIcalImport(tx, listingId, url);
    if (!feed) return { feed: null, freedBlocks: 0, eventId: null };
    const freed = await tx
      .delete(calendarBlocks)
      .where(and(eq(calendarBlocks.listingId, listingId), like(calendarBlocks.note, `${prefix}%`)))
      .returning({ id: calendarBlocks.id });
    if (freed.length === 0) return { feed, freedBlocks: 0, eventId: null };
    const { id } = await recordEvent(tx, "listing.changed", { listingIds: [listingId], cause: "calendar" });
    return { feed, freedBlocks: freed.length, eventId: id };
  });
}

/**
 * A sync that could not fetch or read the feed: the blocks stay as the last good sync left them
 * and the host sees why. The last good event count is kept, since those blocks still stand.
 */
export async function recordIcalImportFailure(
  db: DbOrTx,
  importId: string,
  outcome: { at: Date; error: string },
): Promise<void> {
  await db
    .update(icalImports)
    .set({ lastSyncedAt: outcome.at, lastError: outcome.error.slice(0, MAX_ERROR_LENGTH) })
    .where(eq(icalImports.id, importId));
}

export async function icalImportView(row: IcalImport): Promise<IcalImportView> {
  return {
    id: row.id,
    listingId: row.listingId,
    url: row.url,
    feedKey: await icalFeedKey(row.url),
    scheduleId: row.scheduleId,
    createdAt: row.createdAt.toISOString(),
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    lastError: row.lastError,
    lastEventCount: row.lastEventCount,
  };
}
