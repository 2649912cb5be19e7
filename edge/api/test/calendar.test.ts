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

type Block = { id: string; listingId: string; from: string; to: string; note: string | null };
type Day = {
  date: string;
  status: string;
  price: number | null;
  priceOverridden: boolean;
  bookingId: string | null;
  blockId: string | null;
  blockNote: string | null;
};
type Range = { minNights: number; maxNights: number; currency: string; days: Day[] };

describe("calendar.blockDates / calendar.unblock", () => {
  it("closes the nights, shows them on the host's calendar, and frees them again", async () => {
    const { host, listingId } = await hostWithListing("block");
    const blocked = await trpcPost<Block>(
      "calendar.blockDates",
      { listingId, from: "2031-03-10", to: "2031-03-13", note: "Painting" },
      host.auth,
    );
    expect(blocked.status).toBe(200);
    expect(blocked.data).toMatchObject({ listingId, from: "2031-03-10", to: "2031-03-13", note: "Painting" });

    const range = await trpcGet<Range>(
      "calendar.range",
      { listingId, from: "2031-03-09", to: "2031-03-14" },
      host.auth,
    );
    expect(range.data.days.map((d) => d.status)).toEqual([
      "available",
      "blocked",
      "blocked",
      "blocked",
      "available",
    ]);
    expect(range.data.days[1]).toMatchObject({
      blockId: blocked.data.id,
      blockNote: "Painting",
      price: 10000,
    });
    expect(range.data).toMatchObject({ minNights: 2, maxNights: 30, currency: "EUR" });

    const freed = await trpcPost<Block>("calendar.unblock", { blockId: blocked.data.id }, host.auth);
    expect(freed.status).toBe(200);
    const after = await trpcGet<Range>(
      "calendar.range",
      { listingId, from: "2031-03-09", to: "2031-03-14" },
      host.auth,
    );
    expect(after.data.days.every((d) => d.status === "available")).toBe(true);

    const events = await listingChangedEvents(listingId);
    expect(events.map((e) => e.payload.cause)).toEqual(["calendar", "calendar"]);
  });

  it("refuses a block over a booking or another block with 409, and allows back-to-back ranges", async () => {
    const { host, guest, listingId } = await hostWithListing("overlap");
    const bookingId = await insertBooking(listingId, guest.userId, "2031-04-10", "2031-04-14");

    const overBooking = await trpcPost(
      "calendar.blockDates",
      { listingId, from: "2031-04-13", to: "2031-04-16" },
      host.auth,
    );
    expect(overBooking.status).toBe(409);
    expect(overBooking.error?.data.code).toBe("CONFLICT");
    expect(overBooking.error?.message).toMatch(/overlap a booking or another block/);

    const before = await trpcPost<Block>(
      "calendar.blockDates",
      { listingId, from: "2031-04-07", to: "2031-04-10" },
      host.auth,
    );
    const after = await trpcPost<Block>(
      "calendar.blockDates",
      { listingId, from: "2031-04-14", to: "2031-04-16" },
      host.auth,
    );
    expect([before.status, after.status]).toEqual([200, 200]);

    const overBlock = await trpcPost(
      "calendar.blockDates",
      { listingId, from: "2031-04-15", to: "2031-04-20" },
      host.auth,
    );
    expect(overBlock.status).toBe(409);

    const range = await trpcGet<Range>(
      "calendar.range",
      { listingId, from: "2031-04-09", to: "2031-04-15" },
      host.auth,
    );
    expect(range.data.days.map((d) => d.status)).toEqual([
      "blocked",
      "booked",
      "booked",
      "booked",
      "booked",
      "blocked",
    ]);
    expect(range.data.days[1]?.bookingId).toBe(bookingId);
  });

  it("a booking inserted over a block is refused by the database (23P01)", async () => {
    const { host, guest, listingId } = await hostWithListing("booking-over-block");
    await trpcPost("calendar.blockDates", { listingId, from: "2031-05-01", to: "2031-05-05" }, host.auth);
    const error = await insertBooking(listingId, guest.userId, "2031-05-04", "2031-05-06").catch(
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toBe("23P01");
    await expect(insertBooking(listingId, guest.userId, "2031-05-05", "2031-05-07")).resolves.toBeTypeOf(
      "string",
    );
  });

  it("rejects a range that ends before it starts, naming the field", async () => {
    const { host, listingId } = await hostWithListing("bad-range");
    const result = await trpcPost(
      "calendar.blockDates",
      { listingId, from: "2031-05-05", to: "2031-05-05" },
      host.auth,
    );
    expect(result.status).toBe(400);
  });
});

describe("calendar authorization", () => {
  it("another host and a guest get 403, anonymous 401, an admin may act", async () => {
    const { host, guest, listingId } = await hostWithListing("authz");
    const other = await hostWithListing("authz-other");
    const input = { listingId, from: "2031-06-01", to: "2031-06-03" };
    expect((await trpcPost("calendar.blockDates", input, other.host.auth)).status).toBe(403);
    expect((await trpcPost("calendar.blockDates", input, guest.auth)).status).toBe(403);
    expect((await trpcPost("calendar.blockDates", input)).status).toBe(401);
    expect((await trpcGet("calendar.range", input, other.host.auth)).status).toBe(403);
    expect((await trpcGet("calendar.icalExportUrl", { listingId }, guest.auth)).status).toBe(403);

    const block = await trpcPost<Block>("calendar.blockDates", input, host.auth);
    expect((await trpcPost("calendar.unblock", { blockId: block.data.id }, other.host.auth)).status).toBe(
      403,
    );
    expect((await trpcPost("calendar.unblock", { blockId: block.data.id })).status).toBe(401);

    const admin = await createMember("calendar-admin", { role: "admin" });
    expect((await trpcPost("calendar.unblock", { blockId: block.data.id }, admin.auth)).status).toBe(200);
    expect((await trpcPost("calendar.unblock", { blockId: block.data.id }, host.auth)).status).toBe(404);
  });

  it("an unknown listing is 404", async () => {
    const { host } = await hostWithListing("missing");
    const result = await trpcPost(
      "calendar.blockDates",
      { listingId: crypto.randomUUID(), from: "2031-06-01", to: "2031-06-03" },
      host.auth,
    );
    expect(result.status).toBe(404);
  });
});

describe("calendar price overrides", () => {
  it("replaces the base price on that date until cleared", async () => {
    const { host, listingId } = await hostWithListing("price");
    const set = await trpcPost(
      "calendar.setPriceOverride",
      { listingId, date: "2031-07-04", price: 25000 },
      host.auth,
    );
    expect(set.status).toBe(200);
    const range = await trpcGet<Range>(
      "calendar.range",
      { listingId, from: "2031-07-03", to: "2031-07-05" },
      host.auth,
    );
    expect(range.data.days.map((d) => [d.price, d.priceOverridden])).toEqual([
      [10000, false],
      [25000, true],
    ]);
    const cleared = await trpcPost(
      "calendar.clearPriceOverride",
      { listingId, date: "2031-07-04" },
      host.auth,
    );
    expect(cleared.data).toEqual({ removed: true });
    const again = await trpcGet<Range>(
      "calendar.range",
      { listingId, from: "2031-07-04", to: "2031-07-05" },
      host.auth,
    );
    expect(again.data.days[0]?.price).toBe(10000);
    expect((await listingChangedEvents(listingId)).map((e) => e.payload.cause)).toEqual([
      "pricing",
      "pricing",
    ]);
  });
});

describe("calendar.availability (public)", () => {
  it("shows a year of occupied nights, merged, without saying which are bookings", async () => {
    const { host, guest, listingId } = await hostWithListing("public");
    const [{ today } = { today: "" }] = await sqlRows<{ today: string }>(
      "select to_char(current_date, 'YYYY-MM-DD') as today",
    );
    const at = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    await insertBooking(listingId, guest.userId, at(10), at(13));
    await trpcPost("calendar.blockDates", { listingId, from: at(13), to: at(15) }, host.auth);
    await trpcPost("calendar.blockDates", { listingId, from: at(40), to: at(41) }, host.auth);
    await insertBooking(listingId, guest.userId, at(400), at(402));

    const result = await trpcGet<{
      from: string;
      unavailable: { from: string; to: string }[];
      minNights: number;
    }>("calendar.availability", { listingId });
    expect(result.status).toBe(200);
    expect(result.data.from).toBe(today);
    expect(result.data.unavailable).toEqual([
      { from: at(10), to: at(15) },
      { from: at(40), to: at(41) },
    ]);
    expect(JSON.stringify(result.data)).not.toMatch(/booking/i);
  });

  it("does not show a draft listing", async () => {
    const { listingId } = await hostWithListing("public-draft", "draft");
    expect((await trpcGet("calendar.availability", { listingId })).status).toBe(404);
  });
});
