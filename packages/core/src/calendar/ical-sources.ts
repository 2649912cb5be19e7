import type { CalendarBlockSource } from "@hometrip/contracts";
import { type DbOrTx, icalImports } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { icalFeedKey, icalFeedKeyOfNote } from "./ical-sync.ts";

/** A listing's feeds by their key, to tell which feed made a block. */
export type IcalFeedsByKey = ReadonlyMap<string, { id: string; url: string }>;

export async function icalFeedsByKey(db: DbOrTx, listingId: string): Promise<IcalFeedsByKey> {
  const feeds = await db
    .select({ id: icalImports.id, url: icalImports.url })
    .from(icalImports)
    .where(eq(icalImports.listingId, listingId));
  return new Map(await Promise.all(feeds.map(async (f) => [await icalFeedKey(f.url), f] as const)));
}

/**
 * The host name a feed is shown by ("airbnb.com"), never its path or query: those often carry
 * the other platform's secret token. A leading "www." says nothing and is dropped.
 */
export function icalFeedHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/**
 * Where a block comes from, read from its note, and the note as the host may see it: a manual
 * block keeps its own note, an imported one shows none (its raw `[ical:…] uid` means nothing to
 * the host). An imported block whose feed is gone keeps `kind: "import"` with nulls.
 */
export function blockOrigin(
  note: string | null,
  feeds: IcalFeedsByKey,
): { source: CalendarBlockSource; note: string | null } {
  const key = icalFeedKeyOfNote(note);
  if (key === null) return { source: { kind: "manual" }, note };
  const feed = feeds.get(key);
  return {
    source: { kind: "import", importId: feed?.id ?? null, feedHost: feed ? icalFeedHost(feed.url) : null },
    note: null,
  };
}
