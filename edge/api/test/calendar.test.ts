import { addDays } from "@hometrip/contracts/dates";
import { futureDays } from "@hometrip/testkit/dates";
import { describe, expect, it } from "vitest";
import { createMember, hostWithListing, insertBooking, listingChangedEvents } from "./calendar-support.ts";
import { sql } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";

// Dates from the clock: day(0) is a Sunday about two months ahead, day(n) n days later.
const day = futureDays(0);

const api = createTestClient();

describe("calendar.blockDates / calendar.unblock", () => {
  it("closes the nights, shows them on the host's calendar, and frees them again", async () => {
    const { host, listingId } = await hostWithListing("block");
    const blocked = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(1),
        to: day(4),
        note: "Painting",
      }),
    );
    expect(blocked.status).toBe(200);
    expect(blocked.data).toMatchObject({ listingId, from: day(1), to: day(4), note: "Painting" });

    const range = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(0), to: day(5) }),
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

    const freed = await settle(() =>
      createTestClient(host.auth).calendar.unblock.mutate({ blockId: blocked.data.id }),
    );
    expect(freed.status).toBe(200);
    const after = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(0), to: day(5) }),
    );
    expect(after.data.days.every((d) => d.status === "available")).toBe(true);

    const events = await listingChangedEvents(listingId);
    expect(events.map((e) => e.payload.cause)).toEqual(["calendar", "calendar"]);
  });

  it("refuses a block over a booking or another block with 409, and allows back-to-back ranges", async () => {
    const { host, guest, listingId } = await hostWithListing("overlap");
    const bookingId = await insertBooking(listingId, guest.userId, day(32), day(36));

    const overBooking = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(35),
        to: day(38),
      }),
    );
    expect(overBooking.status).toBe(409);
    expect(overBooking.error?.code).toBe("CONFLICT");
    expect(overBooking.error?.message).toMatch(/overlap a booking or another block/);

    const before = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(29),
        to: day(32),
      }),
    );
    const after = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(36),
        to: day(38),
      }),
    );
    expect([before.status, after.status]).toEqual([200, 200]);

    const overBlock = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(37),
        to: day(42),
      }),
    );
    expect(overBlock.status).toBe(409);

    const range = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(31), to: day(37) }),
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
    await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(53),
        to: day(57),
      }),
    );
    const error = await insertBooking(listingId, guest.userId, day(56), day(58)).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("23P01");
    await expect(insertBooking(listingId, guest.userId, day(57), day(59))).resolves.toBeTypeOf("string");
  });

  it("rejects a range that ends before it starts, naming the field", async () => {
    const { host, listingId } = await hostWithListing("bad-range");
    const result = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId,
        from: day(57),
        to: day(57),
      }),
    );
    expect(result.status).toBe(400);
  });
});

describe("calendar authorization", () => {
  it("another host and a guest get 403, anonymous 401, an admin may act", async () => {
    const { host, guest, listingId } = await hostWithListing("authz");
    const other = await hostWithListing("authz-other");
    const input = { listingId, from: day(84), to: day(86) };
    expect(
      (await settle(() => createTestClient(other.host.auth).calendar.blockDates.mutate(input))).status,
    ).toBe(403);
    expect((await settle(() => createTestClient(guest.auth).calendar.blockDates.mutate(input))).status).toBe(
      403,
    );
    expect((await settle(() => api.calendar.blockDates.mutate(input))).status).toBe(401);
    expect((await settle(() => createTestClient(other.host.auth).calendar.range.query(input))).status).toBe(
      403,
    );
    expect(
      (await settle(() => createTestClient(guest.auth).calendar.icalExportUrl.query({ listingId }))).status,
    ).toBe(403);

    const block = await settle(() => createTestClient(host.auth).calendar.blockDates.mutate(input));
    expect(
      (
        await settle(() =>
          createTestClient(other.host.auth).calendar.unblock.mutate({ blockId: block.data.id }),
        )
      ).status,
    ).toBe(403);
    expect((await settle(() => api.calendar.unblock.mutate({ blockId: block.data.id }))).status).toBe(401);

    const admin = await createMember("calendar-admin", { role: "admin" });
    expect(
      (await settle(() => createTestClient(admin.auth).calendar.unblock.mutate({ blockId: block.data.id })))
        .status,
    ).toBe(200);
    expect(
      (await settle(() => createTestClient(host.auth).calendar.unblock.mutate({ blockId: block.data.id })))
        .status,
    ).toBe(404);
  });

  it("an unknown listing is 404", async () => {
    const { host } = await hostWithListing("missing");
    const result = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({
        listingId: crypto.randomUUID(),
        from: day(84),
        to: day(86),
      }),
    );
    expect(result.status).toBe(404);
  });
});

describe("calendar price overrides", () => {
  it("replaces the base price on that date until cleared", async () => {
    const { host, listingId } = await hostWithListing("price");
    const set = await settle(() =>
      createTestClient(host.auth).calendar.setPriceOverride.mutate({
        listingId,
        date: day(117),
        price: 25000,
      }),
    );
    expect(set.status).toBe(200);
    const range = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(116), to: day(118) }),
    );
    expect(range.data.days.map((d) => [d.price, d.priceOverridden])).toEqual([
      [10000, false],
      [25000, true],
    ]);
    const cleared = await settle(() =>
      createTestClient(host.auth).calendar.clearPriceOverride.mutate({ listingId, date: day(117) }),
    );
    expect(cleared.data).toEqual({ removed: true });
    const again = await settle(() =>
      createTestClient(host.auth).calendar.range.query({ listingId, from: day(117), to: day(118) }),
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
    const [{ today } = { today: "" }] = await sql<{ today: string }>(
      "select to_char(current_date, 'YYYY-MM-DD') as today",
    );
    const at = (days: number) => addDays(today, days);
    await insertBooking(listingId, guest.userId, at(10), at(13));
    await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({ listingId, from: at(13), to: at(15) }),
    );
    await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({ listingId, from: at(40), to: at(41) }),
    );
    await insertBooking(listingId, guest.userId, at(400), at(402));

    const result = await settle(() => api.calendar.availability.query({ listingId }));
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
    expect((await settle(() => api.calendar.availability.query({ listingId }))).status).toBe(404);
  });
});
