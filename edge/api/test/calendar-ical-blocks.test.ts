import { futureDays } from "@hometrip/testkit/dates";
import { describe, expect, it } from "vitest";
import { createMember, hostWithListing, insertBooking, listingChangedEvents } from "./calendar-support.ts";
import { sql } from "./db.ts";
import { createTestClient, type RouterInputs, settle } from "./harness.ts";
import { insertHome, randomArea } from "./search-fixtures.ts";

// Dates from the clock: day(0) is a Thursday about two months ahead, day(n) n days later.
const day = futureDays(4);

const airbnb = "https://www.airbnb.test/calendar/ical/4411.ics?s=secret-token";
const vrbo = "https://vrbo.example.test/ical/feed.ics";

/** A block as a feed's sync writes it: no author, the feed's key and the event's uid in the note. */
async function importedBlock(listingId: string, note: string, from: string, to: string) {
  await sql("insert into calendar_blocks (listing_id, check_in, check_out, note) values ($1, $2, $3, $4)", [
    listingId,
    from,
    to,
    note,
  ]);
}

const addFeed = async (listingId: string, url: string, auth: Record<string, string>) =>
  (await settle(() => createTestClient(auth).calendar.addIcalImport.mutate({ listingId, url }))).data;

const blockNotes = async (listingId: string) =>
  (
    await sql<{ note: string | null }>(
      "select note from calendar_blocks where listing_id = $1 order by check_in",
      [listingId],
    )
  ).map((r) => r.note);

async function searchIds(query: RouterInputs["search"]["listings"]) {
  const response = await settle(() => createTestClient().search.listings.query(query));
  expect(response.status).toBe(200);
  const { hits } = response.data;
  return { cache: response.headers.get("x-search-cache"), ids: hits.map((h) => h.id) };
}

describe("removing an imported calendar", () => {
  it("frees exactly the feed's blocks, and a search for those dates finds the home again", async () => {
    const area = randomArea();
    const host = await createMember("ical-free-host");
    const guest = await createMember("ical-free-guest");
    await sql("insert into host_profiles (user_id) values ($1)", [host.userId]);
    const listingId = await insertHome(host.userId, area, {
      title: "Feed loft",
      city: "Feedham",
      nightly: 9_000,
    });
    const one = await addFeed(listingId, airbnb, host.auth);
    const other = await addFeed(listingId, vrbo, host.auth);
    await importedBlock(listingId, `[ical:${one.feedKey}] a@airbnb.test`, day(9), day(12));
    await importedBlock(listingId, `[ical:${one.feedKey}] b@airbnb.test`, day(19), day(21));
    await importedBlock(listingId, `[ical:${other.feedKey}] c@vrbo.test`, day(14), day(16));
    const bookingId = await insertBooking(listingId, guest.userId, day(0), day(4));
    const own = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(24),
        to: day(26),
        note: "Painting",
      }),
    );
    expect(own.status).toBe(200);

    const stay = { bounds: area.bounds, checkIn: day(9), checkOut: day(12) };
    expect(await searchIds(stay)).toEqual({ cache: "miss", ids: [] });
    expect(await searchIds(stay)).toEqual({ cache: "hit", ids: [] });
    const eventsBefore = (await listingChangedEvents(listingId)).length;

    const removed = await settle(() =>
      createTestClient(host.auth).calendar.removeIcalImport.mutate({ listingId, url: airbnb }),
    );
    expect(removed.status).toBe(200);
    expect(removed.data).toEqual({ removed: true, freedBlocks: 2 });

    expect(await blockNotes(listingId)).toEqual([`[ical:${other.feedKey}] c@vrbo.test`, "Painting"]);
    expect(
      await sql("select id, status, check_in::text, check_out::text from bookings where listing_id = $1", [
        listingId,
      ]),
    ).toEqual([{ id: bookingId, status: "confirmed", check_in: day(0), check_out: day(4) }]);
    expect((await listingChangedEvents(listingId)).length).toBe(eventsBefore + 1);
    // The cached "no homes" page is gone with the version bump, and the dates are free again.
    expect(await searchIds(stay)).toEqual({ cache: "miss", ids: [listingId] });
    // The other feed's nights stay taken.
    expect((await searchIds({ ...stay, checkIn: day(14), checkOut: day(16) })).ids).toEqual([]);

    const again = await settle(() =>
      createTestClient(host.auth).calendar.removeIcalImport.mutate({ listingId, url: airbnb }),
    );
    expect(again.data).toEqual({ removed: false, freedBlocks: 0 });
    expect((await listingChangedEvents(listingId)).length).toBe(eventsBefore + 1);
  });

  it("only frees blocks on the listing the feed was removed from", async () => {
    const a = await hostWithListing("ical-free-a");
    const b = await hostWithListing("ical-free-b");
    const feedA = await addFeed(a.listingId, vrbo, a.host.auth);
    const feedB = await addFeed(b.listingId, vrbo, b.host.auth);
    expect(feedA.feedKey).toBe(feedB.feedKey);
    await importedBlock(a.listingId, `[ical:${feedA.feedKey}] same@vrbo.test`, day(31), day(33));
    await importedBlock(b.listingId, `[ical:${feedB.feedKey}] same@vrbo.test`, day(31), day(33));

    const removed = await settle(() =>
      createTestClient(a.host.auth).calendar.removeIcalImport.mutate({ listingId: a.listingId, url: vrbo }),
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
    await importedBlock(listingId, `[ical:${feed.feedKey}] 12345@airbnb.test`, day(62), day(64));
    // A block of a feed removed before removals freed their blocks.
    await importedBlock(listingId, "[ical:0123456789ab] gone@elsewhere.test", day(65), day(66));
    await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(67),
        to: day(68),
        note: "Family",
      }),
    );
    await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(68),
        to: day(69),
      }),
    );

    const range = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(61), to: day(69) }),
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
      { date: day(61), status: "available", blockNote: null, blockSource: null },
      ...[day(62), day(63)].map((date) => ({
        date,
        status: "blocked",
        blockNote: null,
        blockSource: { kind: "import", importId: feed.id, feedHost: "airbnb.test" },
      })),
      { date: day(64), status: "available", blockNote: null, blockSource: null },
      {
        date: day(65),
        status: "blocked",
        blockNote: null,
        blockSource: { kind: "import", importId: null, feedHost: null },
      },
      { date: day(66), status: "available", blockNote: null, blockSource: null },
      { date: day(67), status: "blocked", blockNote: "Family", blockSource: { kind: "manual" } },
      { date: day(68), status: "blocked", blockNote: null, blockSource: { kind: "manual" } },
    ]);
    expect(JSON.stringify(range.data)).not.toContain("[ical:");
    expect(JSON.stringify(range.data)).not.toContain("secret-token");

    // Unblocking an imported block by hand answers with its source too.
    const imported = range.data.days[1]?.blockId ?? "";
    const unblocked = await settle(() =>
      createTestClient(host.auth).calendar.unblock.mutate({ blockId: imported }),
    );
    expect(unblocked.data).toMatchObject({
      id: imported,
      note: null,
      source: { kind: "import", importId: feed.id, feedHost: "airbnb.test" },
    });
  });

  it("refuses a note of the host's own that would pass for an imported block", async () => {
    const { host, listingId } = await hostWithListing("ical-note");
    const posing = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(92),
        to: day(93),
        note: "[ical:0123456789ab] mine",
      }),
    );
    expect(posing.status).toBe(400);
    expect(await blockNotes(listingId)).toEqual([]);
    const own = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(92),
        to: day(93),
        note: "Guests via [ical:] friends",
      }),
    );
    expect(own.data).toMatchObject({ note: "Guests via [ical:] friends", source: { kind: "manual" } });
  });
});
