import { removeIcalFeed, silentLogger } from "@hometrip/core";
import { futureDays } from "@hometrip/testkit/dates";
import { Receiver } from "@upstash/qstash";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerApp } from "../src/app.ts";
import { type IcalJobHarness, icalFeed, startIcalJobHarness } from "./support/ical-job.ts";
import { signDelivery, signingKeys } from "./support/signing.ts";

// Dates from the clock: day(0) is a Monday about two months ahead, day(n) n days later.
const day = futureDays(1);

let h: IcalJobHarness;
beforeAll(async () => {
  h = await startIcalJobHarness({ prefix: "workers_ical" });
});
afterAll(() => h?.close());

describe("POST /jobs/ical-import", () => {
  it("turns the feed's events into blocks, then follows the feed as it changes", async () => {
    const { listingId } = await h.newListing();
    h.feed.body = icalFeed([
      { uid: "a@other", from: day(0), to: day(3) },
      { uid: "b@other", from: day(9), to: day(11) },
    ]);
    const first = await h.runJob(listingId);
    expect(first).toMatchObject({ status: 200, body: { status: "imported", created: 2, removed: 0 } });
    expect((await h.blocksOf(listingId)).map((b) => [b.from, b.to])).toEqual([
      [day(0), day(3)],
      [day(9), day(11)],
    ]);
    expect((await h.blocksOf(listingId))[0]?.note).toMatch(/^\[ical:[0-9a-f]{12}\] a@other$/);

    // a@other unchanged, b@other moved, c@other new; a run with no change touches nothing.
    h.feed.body = icalFeed([
      { uid: "a@other", from: day(0), to: day(3) },
      { uid: "b@other", from: day(19), to: day(21) },
      { uid: "c@other", from: day(28), to: day(29) },
    ]);
    expect((await h.runJob(listingId)).body).toMatchObject({ created: 2, removed: 1, unchanged: 1 });
    expect((await h.runJob(listingId)).body).toMatchObject({ created: 0, removed: 0, unchanged: 3 });

    // Events that left the feed (cancelled elsewhere) free their dates on the next sync.
    h.feed.body = icalFeed([{ uid: "c@other", from: day(28), to: day(29) }]);
    expect((await h.runJob(listingId)).body).toMatchObject({ created: 0, removed: 2, unchanged: 1 });
    expect((await h.blocksOf(listingId)).map((b) => b.from)).toEqual([day(28)]);
    h.feed.body = icalFeed([]);
    expect((await h.runJob(listingId)).body).toMatchObject({ events: 0, removed: 1 });
    expect(await h.blocksOf(listingId)).toEqual([]);

    const events = await h.db.execute(
      sql`select count(*)::int as n from outbox where event_type = 'listing.changed' and payload->'listingIds' ? ${listingId}`,
    );
    expect((events.rows[0] as { n: number }).n).toBe(4);
    const relayed = h.published.filter((e) => JSON.stringify(e.payload).includes(listingId));
    expect(relayed.map((e) => e.type)).toEqual(Array(4).fill("listing.changed"));
  });

  it("only removes the blocks of the feed being synced, never the host's own or another feed's", async () => {
    const { listingId } = await h.newListing();
    await h.db.execute(sql`
      insert into calendar_blocks (listing_id, check_in, check_out, note)
      values (${listingId}, ${day(150)}, ${day(152)}, 'Painting the kitchen'),
        (${listingId}, ${day(159)}, ${day(161)}, '[ical:0123456789ab] other@feed')`);
    h.feed.body = icalFeed([{ uid: "z@other", from: day(169), to: day(170) }]);
    await h.runJob(listingId);
    h.feed.body = icalFeed([]);
    expect((await h.runJob(listingId)).body).toMatchObject({ removed: 1 });
    expect((await h.blocksOf(listingId)).map((b) => b.note)).toEqual([
      "Painting the kitchen",
      "[ical:0123456789ab] other@feed",
    ]);
  });

  it("skips an event that overlaps a booking and keeps the rest", async () => {
    const { listingId, guestId } = await h.newListing();
    await h.db.execute(sql`
      insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal, cleaning_fee,
        service_fee, taxes, total, currency, idempotency_key)
      values (${listingId}, ${guestId}, 'confirmed', ${day(98)}, ${day(103)}, 1, 100, 0, 0, 0, 100, 'EUR', 'k1')`);
    h.feed.body = icalFeed([
      { uid: "clash@other", from: day(100), to: day(102) },
      { uid: "fine@other", from: day(103), to: day(105) },
    ]);
    h.warnings.length = 0;
    expect((await h.runJob(listingId)).body).toMatchObject({ created: 1, skipped: 1 });
    expect((await h.blocksOf(listingId)).map((b) => [b.from, b.to])).toEqual([[day(103), day(105)]]);
    expect(h.warnings).toContain("ical event overlaps a booking or block; skipped");
  });

  it("does nothing for a feed that is not registered (its schedule outlived it)", async () => {
    const { listingId } = await h.newListing({ register: false });
    h.feed.body = icalFeed([{ uid: "ghost@other", from: day(181), to: day(183) }]);
    expect((await h.runJob(listingId)).body).toEqual({ status: "not_registered" });
    expect(await h.blocksOf(listingId)).toEqual([]);
  });

  it("imports nothing for a feed the host removes while its events are being fetched", async () => {
    const { listingId } = await h.newListing();
    h.feed.body = icalFeed([{ uid: "late@other", from: day(212), to: day(215) }]);
    // The job has found the feed and waits on its server when the host removes it.
    let removal: Awaited<ReturnType<typeof removeIcalFeed>> | undefined;
    h.feed.beforeAnswer = async () => {
      removal = await removeIcalFeed(h.db, listingId, h.feed.url);
    };
    try {
      expect(await h.runJob(listingId)).toEqual({ status: 200, body: { status: "not_registered" } });
    } finally {
      h.feed.beforeAnswer = undefined;
    }
    expect(removal).toMatchObject({ feed: { listingId }, freedBlocks: 0, eventId: null });
    expect(await h.blocksOf(listingId)).toEqual([]);
    expect(await h.feedRow(listingId)).toBeUndefined();
  });

  it("rejects an unsigned job and a job that is not one", async () => {
    const receiver = new Receiver({
      currentSigningKey: signingKeys.current,
      nextSigningKey: signingKeys.next,
    });
    const publisher = { publish: async () => {} };
    const origin = "http://workers.test";
    const app = createWorkerApp({ db: h.db, receiver, publisher, log: silentLogger, publicUrl: origin });
    const url = `${origin}/jobs/ical-import`;
    const body = JSON.stringify({ listingId: "nope", url: "file:///etc/passwd" });
    expect((await app.request(url, { method: "POST", body })).status).toBe(401);
    const signed = { "upstash-signature": signDelivery({ url, body }) };
    expect((await app.request(url, { method: "POST", body, headers: signed })).status).toBe(400);
  });
});
