import { bookings, calendarBlocks, createDb, type Database, listings, users } from "@hometrip/db";
import { startNeonTunnel } from "@hometrip/devstack";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { futureDays } from "../src/dates.ts";
import { createTestDatabase, type TestDatabase } from "../src/index.ts";
import { barcelonaLoft } from "../src/sample-listing.ts";

// Dates from the clock: day(0) is a Friday about two months ahead, day(n) n days later.
const day = futureDays(5);

// The production driver (@neondatabase/serverless Pool + drizzle neon-serverless) reaching a
// real Postgres through the local WebSocket tunnel, as the Worker and the Bun workers do.
let database: TestDatabase;
let tunnel: Awaited<ReturnType<typeof startNeonTunnel>>;
let db: Database;
let endPool: () => Promise<void>;
let listingId: string;
let guestId: string;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "neon_driver" });
  const target = new URL(database.url);
  tunnel = await startNeonTunnel({ port: 0, allow: [`${target.hostname}:${target.port || 5432}`] });
  const created = createDb({ databaseUrl: database.url, wsProxy: tunnel.wsProxy, max: 4 });
  db = created.db;
  endPool = () => created.pool.end();
  const [host, guest] = await db
    .insert(users)
    .values([
      { email: "host@neon.test", displayName: "Host" },
      { email: "guest@neon.test", displayName: "Guest" },
    ])
    .returning({ id: users.id });
  guestId = guest!.id;
  const [listing] = await db.insert(listings).values(barcelonaLoft(host!.id)).returning({ id: listings.id });
  listingId = listing!.id;
});
afterAll(async () => {
  await endPool?.();
  await tunnel?.close();
  await database?.drop();
});

let keys = 0;
const book = (checkIn: string, checkOut: string, status: "pending_payment" | "confirmed" = "confirmed") =>
  db
    .insert(bookings)
    .values({
      listingId,
      guestId,
      status,
      checkIn,
      checkOut,
      guests: 2,
      nightlySubtotal: 28_000,
      cleaningFee: 3_000,
      serviceFee: 3_920,
      taxes: 3_100,
      total: 38_020,
      currency: "EUR",
      idempotencyKey: `k${++keys}`,
    })
    .returning({ id: bookings.id })
    .then((rows) => rows[0]!.id);
const block = (checkIn: string, checkOut: string) =>
  db.insert(calendarBlocks).values({ listingId, checkIn, checkOut });

/** drizzle 0.45 wraps driver errors; the SQLSTATE is on `cause`. */
const sqlStateOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "committed",
    (error: { cause?: { code?: string } }) => error.cause?.code,
  );

describe("booking calendar through the neon driver", () => {
  it("rejects an overlapping booking with SQLSTATE 23P01 and accepts back-to-back stays", async () => {
    await book(day(3), day(7));
    expect(await sqlStateOf(book(day(5), day(9)))).toBe("23P01");
    expect(await sqlStateOf(book(day(1), day(4), "pending_payment"))).toBe("23P01");
    await book(day(7), day(9));
    await book(day(0), day(3));
  });

  it("frees the dates when a booking is cancelled", async () => {
    const id = await book(day(43), day(47));
    expect(await sqlStateOf(book(day(45), day(49)))).toBe("23P01");
    await db
      .update(bookings)
      .set({ status: "cancelled_by_guest", cancelledAt: new Date() })
      .where(eq(bookings.id, id));
    await book(day(45), day(49));
  });

  it("rejects a booking over a host block, and a block over a booking", async () => {
    await block(day(64), day(71));
    expect(await sqlStateOf(book(day(70), day(72)))).toBe("23P01");
    await book(day(71), day(73));
    expect(await sqlStateOf(block(day(72), day(83)))).toBe("23P01");
  });

  it("rolls back an interactive transaction whose booking conflicts", async () => {
    await book(day(95), day(97));
    const outcome = await sqlStateOf(
      db.transaction(async (tx) => {
        await tx
          .update(listings)
          .set({ title: "Renamed in a doomed transaction" })
          .where(eq(listings.id, listingId));
        await tx.insert(bookings).values({
          listingId,
          guestId,
          checkIn: day(96),
          checkOut: day(98),
          guests: 1,
          nightlySubtotal: 0,
          cleaningFee: 0,
          serviceFee: 0,
          taxes: 0,
          total: 0,
          currency: "EUR",
          idempotencyKey: "tx",
        });
      }),
    );
    expect(outcome).toBe("23P01");
    const [row] = await db.select({ title: listings.title }).from(listings).where(eq(listings.id, listingId));
    expect(row?.title).toBe("Loft in Gràcia");
  });

  it("runs concurrent queries over several pooled connections", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.execute<{ n: number }>(sql`select ${i}::int as n, pg_sleep(0.05)`),
      ),
    );
    expect(results.map((r) => r.rows[0]?.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
