import type { IcalImportView, SearchResult } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import {
  createMember,
  hostWithListing,
  insertBooking,
  listingChangedEvents,
  sqlRows,
  trpcGet,
  trpcPost,
} from "./calendar-support.ts";
import { json, trpcQuery } from "./harness.ts";
import { insertHome, randomArea } from "./search-fixtures.ts";

type Source = { kind: "manual" } | { kind: "import"; importId: string | null; feedHost: string | null };
type Day = {
  date: string;
  status: string;
  blockId: string | null;
  blockNote: string | null;
  blockSource: Source | null;
};
type Block = { id: string; note: string | null; source: Source };

const airbnb = "https://www.airbnb.test/calendar/ical/4411.ics?s=secret-token";
const vrbo = "https://vrbo.example.test/ical/feed.ics";

/** A block as a feed's sync writes it: no author, the feed's key and the event's uid in the note. */
async function importedBlock(listingId: string, note: string, from: string, to: string) {
  await sqlRows(
    "insert into calendar_blocks (listing_id, check_in, check_out, note) values ($1, $2, $3, $4)",
    [listingId, from, to, note],
  );
}

const addFeed = async (listingId: string, url: string, auth: Record<string, string>) =>
  (await trpcPost<IcalImportView>("calendar.addIcalImport", { listingId, url }, auth)).data;

const blockNotes = async (listingId: string) =>
  (
    await sqlRows<{ note: string | null }>(
      "select note from calendar_blocks where listing_id = $1 order by check_in",
      [listingId],
    )
  ).map((r) => r.note);

async function searchIds(query: Record<string, unknown>) {
  const response = await trpcQuery("search.listings", query);
  expect(response.status).toBe(200);
  const { hits } = (await json<{ result: { data: SearchResult } }>(response)).result.data;
  return { cache: response.headers.get("x-search-cache"), ids: hits.map((h) => h.id) };
}

describe("removing an imported calendar", () => {
  it("frees exactly the feed's blocks, and a search for those dates finds the home again", async () => {
    const area = randomArea();
    const host = await createMember("ical-free-host");
    const guest = await createMember("ical-free-guest");
    await sqlRows("insert into host_profiles (user_id) values ($1)", [host.userId]);
    const listingId = await insertHome(host.userId, area, {
      title: "Feed loft",
      city: "Feedham",
      nightly: 9_000,
    });
    const one = await addFeed(listingId, airbnb, host.auth);
    const other = await addFeed(listingId, vrbo, host.auth);
    await importedBlock(listingId, `[ical:${one.feedKey}] a@airbnb.test`, "2031-05-10", "2031-05-13");
    await importedBlock(listingId, `[ical:${one.feedKey}] b@airbnb.test`, "2031-05-20", "2031-05-22");
    await importedBlock(listingId, `[ical:${other.feedKey}] c@vrbo.test`, "2031-05-15", "2031-05-17");
    const bookingId = await insertBooking(listingId, guest.userId, "2031-05-01", "2031-05-05");
    const own = await trpcPost<Block>(
      "calendar.blockDates",
      { listingId, from: "2031-05-25", to: "2031-05-27", note: "Painting" },
      host.auth,
    );
    expect(own.status).toBe(200);

    const stay = { bounds: area.bounds, checkIn: "2031-05-10", checkOut: "2031-05-13" };
    expect(await searchIds(stay)).toEqual({ cache: "miss", ids: [] });
    expect(await searchIds(stay)).toEqual({ cache: "hit", ids: [] });
    const eventsBefore = (await listingChangedEvents(listingId)).length;

    const removed = await trpcPost("calendar.removeIcalImport", { listingId, url: airbnb }, host.auth);
    expect(removed.status).toBe(200);
    expect(removed.data).toEqual({ removed: true, freedBlocks: 2 });

    expect(await blockNotes(listingId)).toEqual([`[ical:${other.feedKey}] c@vrbo.test`, "Painting"]);
    expect(
      await sqlRows(
        "select id, status, check_in::text, check_out::text from bookings where listing_id = $1",
        [listingId],
      ),
    ).toEqual([{ id: bookingId, status: "confirmed", check_in: "2031-05-01", check_out: "2031-05-05" }]);
    expect((await listingChangedEvents(listingId)).length).toBe(eventsBefore + 1);
    // The cached "no homes" page is gone with the version bump, and the dates are free again.
    expect(await searchIds(stay)).toEqual({ cache: "miss", ids: [listingId] });
    // The other feed's nights stay taken.
    expect((await searchIds({ ...stay, checkIn: "2031-05-15", checkOut: "2031-05-17" })).ids).toEqual([]);

    const again = await trpcPost("calendar.removeIcalImport", { listingId, url: airbnb }, host.auth);
    expect(again.data).toEqual({ removed: false, freedBlocks: 0 });
    expect((await listingChangedEvents(listingId)).length).toBe(eventsBefore + 1);
  });

  it("only frees blocks on the listing the feed was removed from", async () => {
    const a = await hostWithListing("ical-free-a");
    const b = await hostWithListing("ical-free-b");
    const feedA = await addFeed(a.listingId, vrbo, a.host.auth);
    const feedB = await addFeed(b.listingId, vrbo, b.host.auth);
    expect(feedA.feedKey).toBe(feedB.feedKey);
    await importedBlock(a.listingId, `[ical:${feedA.feedKey}] same@vrbo.test`, "2031-06-01", "2031-06-03");
    await importedBlock(b.listingId, `[ical:${feedB.feedKey}] same@vrbo.test`, "2031-06-01", "2031-06-03");

    const removed = await trpcPost(
      "calendar.removeIcalImport",
      { listingId: a.listingId, url: vrbo },
      a.host.auth,
    );
    expect(removed.data).toEqual({ removed: true, freedBlocks: 1 });
    expect(await blockNotes(a.listingId)).toEqual([]);
    expect(await blockNotes(b.listingId)).toEqual([`[ical:${feedB.feedKey}] same@vrbo.test`]);
  });
});

describe("block sources on the host's calendar", () => {
  it("tells the host's own blocks from each feed's, without the raw import note", async () => {
    const { host, listingId } = await hostWithListing("ical-sources");
    const feed = await addFeed(listingId, airbnb, host.auth);
    await importedBlock(listingId, `[ical:${feed.feedKey}] 12345@airbnb.test`, "2031-07-02", "2031-07-04");
    // A block of a feed removed before removals freed their blocks.
    await importedBlock(listingId, "[ical:0123456789ab] gone@elsewhere.test", "2031-07-05", "2031-07-06");
    await trpcPost(
      "calendar.blockDates",
      { listingId, from: "2031-07-07", to: "2031-07-08", note: "Family" },
      host.auth,
    );
    await trpcPost("calendar.blockDates", { listingId, from: "2031-07-08", to: "2031-07-09" }, host.auth);

    const range = await trpcGet<{ days: Day[] }>(
      "calendar.range",
      { listingId, from: "2031-07-01", to: "2031-07-09" },
      host.auth,
    );
    expect(range.status).toBe(200);
    expect(
      range.data.days.map(({ date, status, blockNote, blockSource }) => ({
        date,
        status,
        blockNote,
        blockSource,
      })),
    ).toEqual([
      { date: "2031-07-01", status: "available", blockNote: null, blockSource: null },
      ...["2031-07-02", "2031-07-03"].map((date) => ({
        date,
        status: "blocked",
        blockNote: null,
        blockSource: { kind: "import", importId: feed.id, feedHost: "airbnb.test" },
      })),
      { date: "2031-07-04", status: "available", blockNote: null, blockSource: null },
      {
        date: "2031-07-05",
        status: "blocked",
        blockNote: null,
        blockSource: { kind: "import", importId: null, feedHost: null },
      },
      { date: "2031-07-06", status: "available", blockNote: null, blockSource: null },
      { date: "2031-07-07", status: "blocked", blockNote: "Family", blockSource: { kind: "manual" } },
      { date: "2031-07-08", status: "blocked", blockNote: null, blockSource: { kind: "manual" } },
    ]);
    expect(JSON.stringify(range.data)).not.toContain("[ical:");
    expect(JSON.stringify(range.data)).not.toContain("secret-token");

    // Unblocking an imported block by hand answers with its source too.
    const imported = range.data.days[1]?.blockId ?? "";
    const unblocked = await trpcPost<Block>("calendar.unblock", { blockId: imported }, host.auth);
    expect(unblocked.data).toMatchObject({
      id: imported,
      note: null,
      source: { kind: "import", importId: feed.id, feedHost: "airbnb.test" },
    });
  });

  it("refuses a note of the host's own that would pass for an imported block", async () => {
    const { host, listingId } = await hostWithListing("ical-note");
    const posing = await trpcPost(
      "calendar.blockDates",
      { listingId, from: "2031-08-01", to: "2031-08-02", note: "[ical:0123456789ab] mine" },
      host.auth,
    );
    expect(posing.status).toBe(400);
    expect(await blockNotes(listingId)).toEqual([]);
    const own = await trpcPost<Block>(
      "calendar.blockDates",
      { listingId, from: "2031-08-01", to: "2031-08-02", note: "Guests via [ical:] friends" },
      host.auth,
    );
    expect(own.data).toMatchObject({ note: "Guests via [ical:] friends", source: { kind: "manual" } });
  });
});
