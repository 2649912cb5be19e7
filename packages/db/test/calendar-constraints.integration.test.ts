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

describe("listing calendar integrity", () => {
  it("rejects a booking overlapping an active one with 23P01 and accepts back-to-back stays", async () => {
    await insertBooking(client, { listingId, guestId, checkIn: "2031-03-01", checkOut: "2031-03-05" });
    expect(
      await rejection(
        insertBooking(client, { listingId, guestId, checkIn: "2031-03-04", checkOut: "2031-03-08" }),
      ),
    ).toBe("23P01");
    await insertBooking(client, { listingId, guestId, checkIn: "2031-03-05", checkOut: "2031-03-08" });
    await insertBooking(client, { listingId, guestId, checkIn: "2031-02-26", checkOut: "2031-03-01" });
  });

  it("treats holds and requests as occupying, and every ended booking as free", async () => {
    await insertBooking(client, {
      listingId,
      guestId,
      checkIn: "2031-04-01",
      checkOut: "2031-04-03",
      status: "pending_payment",
    });
    expect(
      await rejection(
        insertBooking(client, {
          listingId,
          guestId,
          checkIn: "2031-04-02",
          checkOut: "2031-04-04",
          status: "requested",
        }),
      ),
    ).toBe("23P01");
    expect(
      await rejection(
        insertBooking(client, { listingId, guestId, checkIn: "2031-04-02", checkOut: "2031-04-04" }),
      ),
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
        checkIn: "2031-04-01",
        checkOut: "2031-04-03",
        status,
      });
    }
  });

  it("frees the dates when a booking is cancelled and refuses to reinstate it once they are taken", async () => {
    const first = await insertBooking(client, {
      listingId,
      guestId,
      checkIn: "2031-05-10",
      checkOut: "2031-05-15",
    });
    await client.query("update bookings set status = 'cancelled_by_guest' where id = $1", [first]);
    await insertBooking(client, { listingId, guestId, checkIn: "2031-05-12", checkOut: "2031-05-14" });
    expect(
      await rejection(client.query("update bookings set status = 'confirmed' where id = $1", [first])),
    ).toBe("23P01");
  });

  it("rejects moving a booking onto another's dates, and frees dates when a booking is deleted", async () => {
    const a = await insertBooking(client, {
      listingId,
      guestId,
      checkIn: "2031-06-01",
      checkOut: "2031-06-03",
    });
    await insertBooking(client, { listingId, guestId, checkIn: "2031-06-10", checkOut: "2031-06-12" });
    expect(
      await rejection(client.query("update bookings set check_out = '2031-06-11' where id = $1", [a])),
    ).toBe("23P01");
    await client.query("update bookings set guest_message = 'early arrival?' where id = $1", [a]);
    await client.query("delete from bookings where id = $1", [a]);
    await insertBooking(client, { listingId, guestId, checkIn: "2031-06-01", checkOut: "2031-06-10" });
  });

  it("rejects a booking over a host block and a block over a booking, both with 23P01", async () => {
    await insertBlock(client, listingId, "2031-07-01", "2031-07-08");
    expect(
      await rejection(
        insertBooking(client, { listingId, guestId, checkIn: "2031-07-07", checkOut: "2031-07-09" }),
      ),
    ).toBe("23P01");
    await insertBooking(client, { listingId, guestId, checkIn: "2031-07-08", checkOut: "2031-07-10" });
    expect(await rejection(insertBlock(client, listingId, "2031-07-09", "2031-07-12"))).toBe("23P01");
    expect(await rejection(insertBlock(client, listingId, "2031-07-05", "2031-07-09"))).toBe("23P01");
  });

  it("frees blocked dates when the block is removed or moved", async () => {
    const block = await insertBlock(client, listingId, "2031-08-01", "2031-08-05");
    await client.query("update calendar_blocks set check_in = '2031-08-03' where id = $1", [block]);
    await insertBooking(client, { listingId, guestId, checkIn: "2031-08-01", checkOut: "2031-08-03" });
    await client.query("delete from calendar_blocks where id = $1", [block]);
    await insertBooking(client, { listingId, guestId, checkIn: "2031-08-03", checkOut: "2031-08-06" });
  });

  it("does not let other listings' stays collide", async () => {
    const other = await insertListingFixture(client);
    await insertBooking(client, { listingId, guestId, checkIn: "2031-09-01", checkOut: "2031-09-05" });
    await insertBooking(client, { ...other, checkIn: "2031-09-01", checkOut: "2031-09-05" });
  });

  it("lets exactly one of two concurrent overlapping bookings commit", async () => {
    const [a, b] = [await connect(database.url), await connect(database.url)];
    try {
      await a.query("begin");
      await b.query("begin");
      await insertBooking(a, { listingId, guestId, checkIn: "2031-10-01", checkOut: "2031-10-04" });
      const second = rejection(
        insertBooking(b, { listingId, guestId, checkIn: "2031-10-03", checkOut: "2031-10-06" }),
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
    const stay = { listingId, guestId, checkIn: "2031-11-05", checkOut: "2031-11-05" };
    expect(await rejection(insertBooking(client, stay))).toBe("23514");
    expect(await rejection(insertBooking(client, { ...stay, checkOut: "2031-11-06", guests: 0 }))).toBe(
      "23514",
    );
    expect(
      await rejection(insertBooking(client, { ...stay, checkOut: "2031-11-06", nightlySubtotal: -1 })),
    ).toBe("23514");
    expect(await rejection(insertBlock(client, listingId, "2031-11-09", "2031-11-08"))).toBe("23514");
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
    await insert("2031-12-01", "2031-12-02");
    expect(await rejection(insert("2031-12-10", "2031-12-12"))).toBe("23505");
  });
});
