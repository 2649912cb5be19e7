import { addDays, dateIn } from "@hometrip/contracts";
import { recordingRoomDelivery, silentLogger } from "@hometrip/core";
import { bookings, devEmails, listings, notifications } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { barcelonaLoft } from "@hometrip/testkit/sample-listing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendCheckInReminders } from "../src/notifications/check-in-reminders.ts";
import { dispatchDueDeliveries } from "../src/notifications/dispatch.ts";
import { createMember } from "./support/accounts.ts";
import { deliver, envelope, notificationDeps } from "./support/notifications.ts";

let database: TunnelledDatabase;
beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "workers_booking_notices" });
});
afterAll(async () => {
  await database?.close();
});

/** Stated here, not taken from the sample: the reminder test counts "tomorrow" in this zone. */
const listingZone = "Europe/Madrid";

let keys = 0;
async function stay(opts: { checkIn: string; checkOut: string; status?: "confirmed" | "pending_payment" }) {
  const guest = await createMember(database.db, { displayName: "Grace Guest" });
  const host = await createMember(database.db, { displayName: "Hugo Host" });
  const [listing] = await database.db
    .insert(listings)
    .values({ ...barcelonaLoft(host.id), title: "Loft by the canal", timezone: listingZone })
    .returning({ id: listings.id });
  const [booking] = await database.db
    .insert(bookings)
    .values({
      listingId: listing!.id,
      guestId: guest.id,
      status: opts.status ?? "confirmed",
      checkIn: opts.checkIn,
      checkOut: opts.checkOut,
      guests: 2,
      nightlySubtotal: 28_000,
      cleaningFee: 3_000,
      serviceFee: 3_920,
      taxes: 3_100,
      total: 38_020,
      currency: "EUR",
      idempotencyKey: `notice-${++keys}`,
    })
    .returning({ id: bookings.id });
  return { guest, host, listingId: listing!.id, bookingId: booking!.id };
}

const inbox = (userId: string) =>
  database.db.select().from(notifications).where(eq(notifications.userId, userId));
const mailsTo = (email: string) => database.db.select().from(devEmails).where(eq(devEmails.to, email));

function transitioned(
  s: Awaited<ReturnType<typeof stay>>,
  from: "requested" | "pending_payment",
  to: "requested" | "confirmed" | "declined" | "expired",
  dates: { checkIn: string; checkOut: string },
) {
  return envelope("booking.transitioned", {
    bookingId: s.bookingId,
    listingId: s.listingId,
    guestId: s.guest.id,
    hostId: s.host.id,
    from,
    to,
    ...dates,
    total: 38_020,
    currency: "EUR",
    at: new Date().toISOString(),
  });
}

describe("booking notifications", () => {
  const dates = {
    checkIn: addDays(dateIn("UTC", new Date()), 30),
    checkOut: addDays(dateIn("UTC", new Date()), 33),
  };

  it("tell the host of a request, in the app, live and by e-mail with the total", async () => {
    const s = await stay({ ...dates, status: "pending_payment" });
    const rooms = recordingRoomDelivery();
    const deps = notificationDeps();
    const now = new Date();
    await deliver(database.db, deps, transitioned(s, "pending_payment", "requested", dates), now, { rooms });
    expect(await inbox(s.guest.id)).toHaveLength(0);
    const [notice] = await inbox(s.host.id);
    expect(notice).toMatchObject({
      type: "booking.requested",
      category: "booking_updates",
      title: "New booking request from Grace Guest",
    });
    expect(pushedTo(rooms)).toEqual([`user:${s.host.id}`]);

    await dispatchDueDeliveries(database.db, deps, { now, log: silentLogger });
    const [mail] = await mailsTo(s.host.email);
    expect(mail?.subject).toBe("New booking request from Grace Guest");
    expect(mail?.text).toContain("€380.20");
    expect(mail?.html).toContain(`/host/bookings/${s.bookingId}`);
    expect(mail?.headers["List-Unsubscribe"]).toContain(`.booking_updates.`);
  });

  it("tell the guest of a decline and both of an expiry", async () => {
    const declined = await stay({ ...dates, status: "pending_payment" });
    const expired = await stay({ ...dates, status: "pending_payment" });
    const deps = notificationDeps();
    await deliver(database.db, deps, transitioned(declined, "requested", "declined", dates), new Date());
    await deliver(database.db, deps, transitioned(expired, "requested", "expired", dates), new Date());
    expect((await inbox(declined.guest.id)).map((n) => n.type)).toEqual(["booking.declined"]);
    expect(await inbox(declined.host.id)).toHaveLength(0);
    expect((await inbox(expired.guest.id)).map((n) => n.type)).toEqual(["booking.expired"]);
    expect((await inbox(expired.host.id)).map((n) => n.type)).toEqual(["booking.expired"]);
  });
});

/** The user rooms a notification item was pushed into, once each push. */
const pushedTo = (rooms: ReturnType<typeof recordingRoomDelivery>) =>
  rooms.sent.filter((d) => d.event.type === "notification").map((d) => d.room);

describe("check-in reminders", () => {
  it("remind guest and host once, the day before check-in in the listing's zone", async () => {
    const now = new Date();
    const tomorrow = addDays(dateIn(listingZone, now), 1);
    const s = await stay({ checkIn: tomorrow, checkOut: addDays(tomorrow, 2) });
    const later = await stay({ checkIn: addDays(tomorrow, 1), checkOut: addDays(tomorrow, 3) });
    const deps = notificationDeps();
    await sendCheckInReminders(database.db, deps, { now, log: silentLogger });
    await sendCheckInReminders(database.db, deps, { now, log: silentLogger });
    expect((await inbox(s.guest.id)).map((n) => n.type)).toEqual(["booking.check_in_reminder"]);
    expect((await inbox(s.host.id)).map((n) => n.type)).toEqual(["booking.check_in_reminder"]);
    expect(await inbox(later.guest.id)).toHaveLength(0);
    await dispatchDueDeliveries(database.db, deps, { now, log: silentLogger });
    const [mail] = await mailsTo(s.guest.email);
    expect(mail?.subject).toBe("Your stay at Loft by the canal starts soon");
  });
});

describe("account and security notices", () => {
  it("store a password change in the app, push it live, and mail the address the event names", async () => {
    const member = await createMember(database.db, { displayName: "Cy" });
    const rooms = recordingRoomDelivery();
    const deps = notificationDeps();
    await deliver(
      database.db,
      deps,
      envelope("auth.password_changed", { userId: member.id, email: member.email }),
      new Date(),
      { rooms },
    );
    const [notice] = await inbox(member.id);
    expect(notice).toMatchObject({ type: "account.password_changed", category: "account_security" });
    expect(pushedTo(rooms)).toEqual([`user:${member.id}`]);
    const [mail] = await mailsTo(member.email);
    expect(mail?.subject).toBe("Your HomeTrip password was changed");
    // Security mail cannot be turned off: no unsubscribe header.
    expect(mail?.headers).toEqual({});
  });
});
