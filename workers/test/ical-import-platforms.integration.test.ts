import { addDays, todayIn } from "@hometrip/contracts/dates";
import { listings } from "@hometrip/db";
import { airbnbFeed, bookingComFeed, googleCalendarFeed, vrboFeed } from "@hometrip/testkit/ical-feeds";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IcalJobHarness, startIcalJobHarness } from "./support/ical-job.ts";

let h: IcalJobHarness;
beforeAll(async () => {
  h = await startIcalJobHarness({ prefix: "workers_ical_platforms" });
});
afterAll(() => h?.close());

/** A listing in `timezone` whose feed answers what `feedOf(today there)` gives. */
async function listingWithFeed(timezone: string, feedOf: (today: string) => string) {
  const { listingId } = await h.newListing();
  await h.db.update(listings).set({ timezone }).where(eq(listings.id, listingId));
  const today = todayIn(timezone, new Date());
  h.feed.body = feedOf(today);
  return { listingId, d: (n: number) => addDays(today, n) };
}

const ranges = async (listingId: string) => (await h.blocksOf(listingId)).map((b) => [b.from, b.to]);

describe("POST /jobs/ical-import with real platforms' feeds", () => {
  it("blocks every week of a Google Calendar owner stay, DURATION events and moved timed weeks", async () => {
    const { listingId, d } = await listingWithFeed("Europe/Lisbon", googleCalendarFeed);
    const first = await h.runJob(listingId);
    expect(first.body).toMatchObject({ status: "imported", events: 7, created: 7, skipped: 0 });
    expect(await ranges(listingId)).toEqual([
      [d(3), d(5)],
      [d(10), d(12)],
      [d(17), d(19)],
      [d(40), d(43)],
      [d(100), d(102)],
      [d(115), d(117)],
      [d(128), d(130)],
    ]);
    // Each occurrence keeps its block from one sync to the next.
    expect((await h.runJob(listingId)).body).toMatchObject({ created: 0, removed: 0, unchanged: 7 });
  });

  it("reads Airbnb, Booking.com and Vrbo exports into the nights they hold", async () => {
    const airbnb = await listingWithFeed("America/New_York", airbnbFeed);
    expect((await h.runJob(airbnb.listingId)).body).toMatchObject({ status: "imported", created: 2 });
    expect(await ranges(airbnb.listingId)).toEqual([
      [airbnb.d(2), airbnb.d(5)],
      [airbnb.d(30), airbnb.d(40)],
    ]);

    const booking = await listingWithFeed("Asia/Tokyo", bookingComFeed);
    expect((await h.runJob(booking.listingId)).body).toMatchObject({ status: "imported", created: 2 });
    expect(await ranges(booking.listingId)).toEqual([
      [booking.d(10), booking.d(13)],
      [booking.d(20), booking.d(21)],
    ]);

    const vrbo = await listingWithFeed("America/Denver", vrboFeed);
    expect((await h.runJob(vrbo.listingId)).body).toMatchObject({
      status: "imported",
      events: 2,
      created: 2,
    });
    expect(await ranges(vrbo.listingId)).toEqual([
      [vrbo.d(50), vrbo.d(57)],
      [vrbo.d(60), vrbo.d(62)],
    ]);
  });
});
