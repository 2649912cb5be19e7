import { addDays, todayIn } from "@hometrip/contracts/dates";
import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertBlock, insertBooking, insertListingFixture } from "./support/fixtures.ts";
import {
  connect,
  createScratchDatabase,
  type ScratchDatabase,
  sqlState,
} from "./support/scratch-database.ts";

// The overlap rules are also exercised through the production driver (neon over the tunnel)
// in packages/testkit; these cover the remaining paths over plain TCP.
let database: ScratchDatabase;
let client: pg.Client;
let listingId: string;
let guestId: string;

beforeAll(async () => {
  database = await createScratchDatabase();
  client = await connect(database.url);
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});
beforeEach(async () => {
  ({ listingId, guestId } = await insertListingFixture(client));
});

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, sqlState);

/** Stays from a month ahead on, from the clock: the rules hold on any dates, and no date here expires. */
const start = addDays(todayIn("UTC", new Date()), 30);
const day = (offset: number) => addDays(start, offset);

describe("listing calendar integrity", () => {
  it("rejects a booking overlapping an active one with 23P01 and accepts back-to-back stays", async () => {
    await insertBooking(client, { listingId, guestId, checkIn: day(59), checkOut: day(63) });
    expect(
      await rejection(insertBooking(client, { listingId, guestId, checkIn: day(62), checkOut: day(66) })),
    ).toBe("23P01");
    await insertBooking(client, { listingId, guestId, checkIn: day(63), checkOut: day(66) });
    await insertBooking(client, { listingId, guestId, checkIn: day(56), checkOut: day(59) });
  });

  it("treats holds and requests as occupying, and every ended booking as free", async () => {
    await insertBooking(client, {
      listingId,
      guestId,
      checkIn: day(90),
      checkOut: day(92),
      status: "pending_payment",
    });
    expect(
      await rejection(
        insertBooking(client, {
          listingId,
          guestId,
          checkIn: day(91),
          checkOut: day(93),
          status: "requested",
        }),
      ),
    ).toBe("23P01");
    expect(
      await rejection(insertBooking(client, { listingId, guestId, checkIn: day(91), checkOut: day(93) })),
    ).toBe("23P01");
    for (const status of [
      "cancelled_by_guest",
      "cancelled_by_host",
      "declined",
      "expired",
      "withdrawn",
      "payment_failed",
      "completed",
    ]) {
      await insertBooking(client, {
        listingId,
        guestId,
        checkIn: day(90),
        checkOut: day(92),
        status,
      });
    }
  });

  it("frees the dates when a booking is cancelled and refuses to reinstate it once they are taken", async () => {
    const first = await insertBooking(client, {
      listingId,
      guestId,
      checkIn: day(129),
      checkOut: day(134),
    });
    await client.query("update bookings set status = 'cancelled_by_guest' where id = $1", [first]);
    await insertBooking(client, { listingId, guestId, checkIn: day(131), checkOut: day(133) });
    expect(
      await rejection(client.query("update bookings set status = 'confirmed' where id = $1", [first])),
    ).toBe("23P01");
  });

  it("rejects moving a booking onto another's dates, and frees dates when a booking is deleted", async () => {
    const a = await insertBooking(client, {
      listingId,
      guestId,
      checkIn: day(151),
      checkOut: day(153),
    });
    await insertBooking(client, { listingId, guestId, checkIn: day(160), checkOut: day(162) });
    expect(
      await rejection(client.query("update bookings set check_out = $2 where id = $1", [a, day(161)])),
    ).toBe("23P01");
    await client.query("update bookings set guest_message = 'early arrival?' where id = $1", [a]);
    await client.query("delete from bookings where id = $1", [a]);
    await insertBooking(client, { listingId, guestId, checkIn: day(151), checkOut: day(160) });
  });

  it("rejects a booking over a host block and a block over a booking, both with 23P01", async () => {
    await insertBlock(client, listingId, day(181), day(188));
    expect(
      await rejection(insertBooking(client, { listingId, guestId, checkIn: day(187), checkOut: day(189) })),
    ).toBe("23P01");
    await insertBooking(client, { listingId, guestId, checkIn: day(188), checkOut: day(190) });
    expect(await rejection(insertBlock(client, listingId, day(189), day(192)))).toBe("23P01");
    expect(await rejection(insertBlock(client, listingId, day(185), day(189)))).toBe("23P01");
  });

  it("frees blocked dates when the block is removed or moved", async () => {
    const block = await insertBlock(client, listingId, day(212), day(216));
    await client.query("update calendar_blocks set check_in = $2 where id = $1", [block, day(214)]);
    await insertBooking(client, { listingId, guestId, checkIn: day(212), checkOut: day(214) });
    await client.query("delete from calendar_blocks where id = $1", [block]);
    await insertBooking(client, { listingId, guestId, checkIn: day(214), checkOut: day(217) });
  });

  it("does not let other listings' stays collide", async () => {
    const other = await insertListingFixture(client);
    await insertBooking(client, { listingId, guestId, checkIn: day(243), checkOut: day(247) });
    await insertBooking(client, { ...other, checkIn: day(243), checkOut: day(247) });
  });

  it("lets exactly one of two concurrent overlapping bookings commit", async () => {
    const [a, b] = [await connect(database.url), await connect(database.url)];
    try {
      await a.query("begin");
      await b.query("begin");
      await insertBooking(a, { listingId, guestId, checkIn: day(273), checkOut: day(276) });
      const second = rejection(
        insertBooking(b, { listingId, guestId, checkIn: day(275), checkOut: day(278) }),
      );
      await a.query("commit");
      expect(await second).toBe("23P01");
      await b.query("rollback");
    } finally {
      await a.end();
      await b.end();
    }
  });

  it("enforces the CHECK constraints on dates, guests, money and coordinates", async () => {
    const stay = { listingId, guestId, checkIn: day(308), checkOut: day(308) };
    expect(await rejection(insertBooking(client, stay))).toBe("23514");
    expect(await rejection(insertBooking(client, { ...stay, checkOut: day(309), guests: 0 }))).toBe("23514");
    expect(await rejection(insertBooking(client, { ...stay, checkOut: day(309), nightlySubtotal: -1 }))).toBe(
      "23514",
    );
    expect(await rejection(insertBlock(client, listingId, day(312), day(311)))).toBe("23514");
    expect(await rejection(client.query("update listings set lat = 91 where id = $1", [listingId]))).toBe(
      "23514",
    );
    expect(await rejection(client.query("update listings set lng = -181 where id = $1", [listingId]))).toBe(
      "23514",
    );
    expect(
      await rejection(client.query("update listings set cleaning_fee = -5 where id = $1", [listingId])),
    ).toBe("23514");
  });

  it("refuses a second booking with the same idempotency key from the same guest", async () => {
    const insert = (checkIn: string, checkOut: string) =>
      client.query(
        `insert into bookings (listing_id, guest_id, check_in, check_out, guests, nightly_subtotal, cleaning_fee,
           service_fee, taxes, total, currency, idempotency_key)
         values ($1, $2, $3, $4, 1, 100, 0, 0, 0, 100, 'EUR', 'same-click')`,
        [listingId, guestId, checkIn, checkOut],
      );
    await insert(day(334), day(335));
    expect(await rejection(insert(day(343), day(345)))).toBe("23505");
  });
});
