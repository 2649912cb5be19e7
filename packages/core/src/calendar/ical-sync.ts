import { calendarBlocks, type Database, icalImports } from "@hometrip/db";
import { and, eq, like } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import type { Logger } from "../logger.ts";
import { isOverlapViolation } from "./access.ts";
import type { IcalImportedEvent } from "./ical-parse.ts";

/** Short, stable id of a feed URL: blocks of a feed carry it in their note as `[ical:<key>] <uid>`. */
export async function icalFeedKey(url: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(url));
  return [...new Uint8Array(digest).slice(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export const icalNotePrefix = (feedKey: string) => `[ical:${feedKey}] `;

/** The feed key of an imported block's note (`icalNotePrefix` read back), or null for a host's own note. */
export function icalFeedKeyOfNote(note: string | null): string | null {
  return note?.match(/^\[ical:([0-9a-f]{12})\] /)?.[1] ?? null;
}

export type IcalSyncResult = {
  created: number;
  removed: number;
  unchanged: number;
  skipped: number;
  /** The listing.changed outbox id when blocks changed, for an immediate relay. */
  eventId: string | null;
};

/**
 * Makes the feed's blocks equal its events, in one transaction: unchanged events keep their
 * block, moved ones are replaced, vanished ones unblocked. An event overlapping a booking (or a
 * host's own block) is skipped and logged; each insert runs in a savepoint so one skip does not
 * undo the rest. With `record`, the feed's ical_imports row notes the successful sync in the
 * same transaction (and its last error is cleared).
 *
 * With `record`, the feed's row is locked first and a feed removed meanwhile (the host removed it
 * while its events were being fetched) answers null and changes nothing: otherwise its blocks
 * would come back with no feed left to remove them. Removal locks the same row first too.
 */
export async function syncIcalFeedBlocks(
  db: Database,
  opts: {
    listingId: string;
    url: string;
    events: IcalImportedEvent[];
    log: Logger;
    record?: { importId: string; at: Date };
  },
): Promise<IcalSyncResult | null> {
  const prefix = icalNotePrefix(await icalFeedKey(opts.url));
  const wanted = new Map(opts.events.map((e) => [`${prefix}${e.uid}`, e]));
  const result: IcalSyncResult = { created: 0, removed: 0, unchanged: 0, skipped: 0, eventId: null };
  const synced = await db.transaction(async (tx) => {
    if (opts.record) {
      const [feed] = await tx
        .select({ id: icalImports.id })
        .from(icalImports)
        .where(eq(icalImports.id, opts.record.importId))
        .for("update");
      if (!feed) return false;
    }
    const existing = await tx
      .select()
      .from(calendarBlocks)
      .where(and(eq(calendarBlocks.listingId, opts.listingId), like(calendarBlocks.note, `${prefix}%`)));
    const kept = new Set<string>();
    for (const block of existing) {
      const event = block.note ? wanted.get(block.note) : undefined;
      if (event && event.from === block.checkIn && event.to === block.checkOut && !kept.has(block.note!)) {
        kept.add(block.note!);
        result.unchanged += 1;
        continue;
      }
      await tx.delete(calendarBlocks).where(eq(calendarBlocks.id, block.id));
      result.removed += 1;
    }
    for (const [note, event] of wanted) {
      if (kept.has(note)) continue;
      try {
        await tx.transaction((sp) =>
          sp.insert(calendarBlocks).values({
            listingId: opts.listingId,
            checkIn: event.from,
            checkOut: event.to,
            note,
          }),
        );
        result.created += 1;
      } catch (error) {
        if (!isOverlapViolation(error)) throw error;
        result.skipped += 1;
        opts.log.warn("ical event overlaps a booking or block; skipped", {
          listingId: opts.listingId,
          uid: event.uid,
          from: event.from,
          to: event.to,
        });
      }
    }
    if (result.created + result.removed > 0) {
      const { id } = await recordEvent(tx, "listing.changed", {
        listingIds: [opts.listingId],
        cause: "calendar",
      });
      result.eventId = id;
    }
    if (opts.record) {
      await tx
        .update(icalImports)
        .set({ lastSyncedAt: opts.record.at, lastError: null, lastEventCount: opts.events.length })
        .where(eq(icalImports.id, opts.record.importId));
    }
    return true;
  });
  return synced ? result : null;
}
