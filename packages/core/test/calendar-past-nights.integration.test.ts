import { type Database, listings, outbox, priceOverrides, users } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  blockDates,
  clearPriceOverrides,
  listingCalendar,
  setPriceOverride,
  setPriceOverrides,
  unblockDates,
} from "../src/index.ts";

let database: TunnelledDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_calendar_past" });
  db = database.db;
});
afterAll(() => database?.close());

// 20:00 UTC on 15 June 2030: UTC's 15th, but already the 16th on Kiritimati (UTC+14).
const kiritimatiMorning = new Date("2030-06-15T20:00:00Z");
// 05:00 UTC on 16 June 2030: UTC's 16th, but still the evening of the 15th in Pago Pago (UTC-11).
const pagoPagoEvening = new Date("2030-06-16T05:00:00Z");

async function hostWithListing(timezone: string) {
  const [host] = await db
    .insert(users)
    .values({ email: `calendar-${crypto.randomUUID()}@example.test`, displayName: "Host" })
    .returning({ id: users.id });
  const [listing] = await db
    .insert(listings)
    .values({
      hostId: host!.id,
      title: "Lagoon house",
      propertyType: "house",
      addressLine1: "1 Main St",
      city: "Anywhere",
      country: "KI",
      lat: 1.87,
      lng: -157.4,
      timezone,
      capacity: 4,
      bedrooms: 2,
      beds: 2,
      baths: 1,
      nightlyPrice: 10_000,
      currency: "USD",
      status: "published",
    })
    .returning({ id: listings.id });
  return { actor: { userId: host!.id, role: "member" as const }, listingId: listing!.id };
}

const nightsOf = async (
  actor: { userId: string; role: "member" },
  listingId: string,
  from: string,
  to: string,
) => (await listingCalendar(db, actor, { listingId, from, to })).days.map((d) => [d.date, d.status, d.price]);

const eventsOf = (listingId: string) =>
  db.$count(
    outbox,
    and(eq(outbox.eventType, "listing.changed"), sql`${outbox.payload}->'listingIds' ? ${listingId}`),
  );

describe("a host cannot change nights already over in the listing's zone", () => {
  it("refuses a price range or a single night starting yesterday there, and writes nothing", async () => {
    const { actor, listingId } = await hostWithListing("Pacific/Kiritimati");
    const range = { listingId, from: "2030-06-15", to: "2030-06-18", price: 15_000 };
    await expect(setPriceOverrides(db, actor, range, kiritimatiMorning)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Nights before 2030-06-16 are in the past and cannot be priced",
    });
    await expect(
      setPriceOverride(db, actor, { listingId, date: "2030-06-15", price: 15_000 }, kiritimatiMorning),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.$count(priceOverrides, eq(priceOverrides.listingId, listingId))).toBe(0);
    expect(await eventsOf(listingId)).toBe(0);
  });

  it("prices from today there although UTC's date is a day behind", async () => {
    const { actor, listingId } = await hostWithListing("Pacific/Kiritimati");
    const set = await setPriceOverrides(
      db,
      actor,
      { listingId, from: "2030-06-16", to: "2030-06-18", price: 15_000 },
      kiritimatiMorning,
    );
    expect(set.nights).toBe(2);
    expect(await nightsOf(actor, listingId, "2030-06-15", "2030-06-19")).toEqual([
      ["2030-06-15", "available", 10_000],
      ["2030-06-16", "available", 15_000],
      ["2030-06-17", "available", 15_000],
      ["2030-06-18", "available", 10_000],
    ]);
  });

  it("blocks from today there although UTC's date is a day ahead, and refuses the day before", async () => {
    const { actor, listingId } = await hostWithListing("Pacific/Pago_Pago");
    await expect(
      blockDates(db, actor, { listingId, from: "2030-06-14", to: "2030-06-17" }, pagoPagoEvening),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Nights before 2030-06-15 are in the past and cannot be blocked",
    });
    const { block } = await blockDates(
      db,
      actor,
      { listingId, from: "2030-06-15", to: "2030-06-17" },
      pagoPagoEvening,
    );
    expect(block).toMatchObject({ from: "2030-06-15", to: "2030-06-17" });
    expect(
      (await nightsOf(actor, listingId, "2030-06-14", "2030-06-18")).map(([, status]) => status),
    ).toEqual(["available", "blocked", "blocked", "available"]);
  });

  it("another host is still told 403, not that the nights are past", async () => {
    const { listingId } = await hostWithListing("Pacific/Kiritimati");
    const stranger = await hostWithListing("UTC");
    await expect(
      blockDates(db, stranger.actor, { listingId, from: "2030-06-01", to: "2030-06-03" }, kiritimatiMorning),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("what stays possible on past nights", () => {
  it("clears overrides left on nights that have since passed", async () => {
    const { actor, listingId } = await hostWithListing("Pacific/Kiritimati");
    const weekBefore = new Date("2030-06-08T20:00:00Z");
    await setPriceOverrides(
      db,
      actor,
      { listingId, from: "2030-06-12", to: "2030-06-20", price: 15_000 },
      weekBefore,
    );
    const cleared = await clearPriceOverrides(db, actor, { listingId, from: "2030-06-10", to: "2030-06-18" });
    expect(cleared.removed).toBe(6);
    expect(
      (
        await db
          .select({ date: priceOverrides.date })
          .from(priceOverrides)
          .where(eq(priceOverrides.listingId, listingId))
      )
        .map((r) => r.date)
        .sort(),
    ).toEqual(["2030-06-18", "2030-06-19"]);
  });

  it("unblocks a block that began in the past, which frees its remaining nights", async () => {
    const { actor, listingId } = await hostWithListing("Pacific/Kiritimati");
    const weekBefore = new Date("2030-06-08T20:00:00Z");
    const { block } = await blockDates(
      db,
      actor,
      { listingId, from: "2030-06-12", to: "2030-06-20" },
      weekBefore,
    );
    await unblockDates(db, actor, block.id);
    const { block: again } = await blockDates(
      db,
      actor,
      { listingId, from: "2030-06-16", to: "2030-06-20" },
      kiritimatiMorning,
    );
    expect(again).toMatchObject({ from: "2030-06-16", to: "2030-06-20" });
  });
});
