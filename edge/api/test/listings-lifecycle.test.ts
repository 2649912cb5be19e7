import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { describe, expect, it } from "vitest";
import { bookStay } from "./bookings-support.ts";
import { withDatabase } from "./db.ts";
import { createTestClient, settle, untyped } from "./harness.ts";
import {
  completeDetails,
  createDraft,
  createHost,
  createPublished,
  photos,
  putPhoto,
  setPayouts,
} from "./listings-support.ts";
import { callProcedure } from "./security-support.ts";
import { createMember } from "./users-support.ts";

const somewhere = () => ({ lat: -40 + Math.random() * 80, lng: -150 + Math.random() * 300 });

const api = createTestClient();

describe("listings lifecycle", () => {
  it("takes a draft through editing and five photos to published, unlisted and back", async () => {
    const host = await createHost("listing-host");
    // The draft is instant-book: publishing it needs payouts set up.
    await setPayouts(host, true);
    const draft = await createDraft(host, "Sunny loft");
    expect(draft).toMatchObject({ title: "Sunny loft", status: "draft", hostId: host.userId, photos: [] });

    const { lat, lng } = somewhere();
    const updated = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: draft.id,
        changes: { ...completeDetails(lat, lng, "Lisbon"), checkInTime: "16:00", instantBook: true },
      }),
    );
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({
      city: "Lisbon",
      baths: 1.5,
      checkInTime: "16:00",
      instantBook: true,
    });

    for (let i = 0; i < 5; i++) {
      expect((await putPhoto(draft.id, photos.png(800, 600), "image/png", host.auth)).status).toBe(201);
    }
    const published = await settle(() =>
      createTestClient(host.auth).listings.publish.mutate({ id: draft.id }),
    );
    expect(published.status).toBe(200);
    expect(published.data.status).toBe("published");
    expect(published.data.publishedAt).toEqual(expect.any(String));
    expect(published.data.photos.map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);

    const seenByAnyone = await settle(() => api.listings.get.query({ id: draft.id }));
    expect(seenByAnyone.status).toBe(200);
    expect(seenByAnyone.data.title).toBe("Sunny loft");

    const mine = await settle(() => createTestClient(host.auth).listings.mine.query());
    expect(mine.data.map((l) => l.id)).toEqual([draft.id]);

    const unlisted = await settle(() => createTestClient(host.auth).listings.unlist.mutate({ id: draft.id }));
    expect(unlisted.data.status).toBe("unlisted");
    expect((await settle(() => api.listings.get.query({ id: draft.id }))).status).toBe(404);
    expect(
      (await settle(() => createTestClient(host.auth).listings.get.query({ id: draft.id }))).status,
    ).toBe(200);

    const republished = await settle(() =>
      createTestClient(host.auth).listings.publish.mutate({ id: draft.id }),
    );
    expect(republished.data.status).toBe("published");
    expect(republished.data.publishedAt).toBe(published.data.publishedAt);
  });

  it("saves weekend price and discounts, and shows the host, the rating and what publishing needs", async () => {
    const host = await createHost("listing-pricing");
    const draft = await createDraft(host, "Quiet cottage");
    expect(draft).toMatchObject({
      weekendPrice: null,
      weeklyDiscountPercent: 0,
      monthlyDiscountPercent: 0,
      host: { id: host.userId, displayName: "Member listing-pricing", avatarUrl: null },
      rating: { average: null, count: 0 },
      missingForPublish: [
        "description",
        "addressLine1",
        "city",
        "country",
        "location",
        "photos",
        "nightlyPrice",
        "beds",
      ],
    });

    const { lat, lng } = somewhere();
    const priced = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: draft.id,
        changes: {
          ...completeDetails(lat, lng, "Évora"),
          weekendPrice: 15_000,
          weeklyDiscountPercent: 10,
          monthlyDiscountPercent: 25,
        },
      }),
    );
    expect(priced.status).toBe(200);
    expect(priced.data).toMatchObject({
      weekendPrice: 15_000,
      weeklyDiscountPercent: 10,
      monthlyDiscountPercent: 25,
      missingForPublish: ["photos"],
    });

    const guest = await createMember("listing-pricing-guest");
    await withDatabase(async (_db, pool) => {
      for (const [i, rating] of [4, 5].entries()) {
        const { rows } = await pool.query<{ id: string }>(
          `insert into bookings (listing_id, guest_id, status, check_in, check_out, guests, nightly_subtotal,
             cleaning_fee, service_fee, taxes, total, currency, idempotency_key)
           values ($1, $2, 'completed', $3, $4, 2, 10000, 0, 0, 0, 10000, 'EUR', gen_random_uuid()::text)
           returning id`,
          [draft.id, guest.userId, `2020-0${i + 1}-01`, `2020-0${i + 1}-03`],
        );
        await pool.query(
          `insert into reviews (booking_id, listing_id, author_id, kind, rating, body)
           values ($1, $2, $3, 'of_listing', $4, 'Lovely')`,
          [rows[0]!.id, draft.id, guest.userId, rating],
        );
      }
    });
    const mine = await settle(() => createTestClient(host.auth).listings.mine.query());
    expect(mine.data[0]).toMatchObject({
      id: draft.id,
      weekendPrice: 15_000,
      rating: { average: 4.5, count: 2 },
      host: { id: host.userId },
    });
    expect(mine.data[0]?.host).toMatchObject({ memberSince: expect.any(String) });

    const sameEveryNight = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({ id: draft.id, changes: { weekendPrice: null } }),
    );
    expect(sameEveryNight.data.weekendPrice).toBeNull();
  });

  it("refuses to publish an incomplete listing, naming exactly what is missing", async () => {
    const host = await createHost("listing-incomplete");
    const draft = await createDraft(host);
    const refused = await settle(() => createTestClient(host.auth).listings.publish.mutate({ id: draft.id }));
    expect(refused.status).toBe(400);
    expect(refused.error?.code).toBe("BAD_REQUEST");
    expect(refused.error?.issues?.map((i) => i.path)).toEqual([
      "description",
      "addressLine1",
      "city",
      "country",
      "location",
      "photos",
      "nightlyPrice",
      "beds",
    ]);

    const { lat, lng } = somewhere();
    await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: draft.id,
        changes: completeDetails(lat, lng, "Porto"),
      }),
    );
    for (let i = 0; i < 3; i++) await putPhoto(draft.id, photos.jpeg(), "image/jpeg", host.auth);
    const stillShort = await settle(() =>
      createTestClient(host.auth).listings.publish.mutate({ id: draft.id }),
    );
    expect(stillShort.status).toBe(400);
    expect(stillShort.error?.issues).toEqual([
      { path: "photos", message: "Add at least 5 photos (3 so far)" },
    ]);
    expect(
      (await settle(() => createTestClient(host.auth).listings.get.query({ id: draft.id }))).data.status,
    ).toBe("draft");
  });

  it("keeps a published listing complete and min/max nights consistent", async () => {
    const host = await createHost("listing-keep-complete");
    const listing = await createPublished(host, { ...somewhere(), city: "Faro" });
    const cleared = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({ id: listing.id, changes: { description: "" } }),
    );
    expect(cleared.status).toBe(400);
    expect(cleared.error?.issues?.map((i) => i.path)).toEqual(["description"]);
    const nights = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: listing.id,
        changes: { minNights: 7, maxNights: 3 },
      }),
    );
    expect(nights.status).toBe(400);
    expect(nights.error?.issues?.map((i) => i.path)).toEqual(["changes.maxNights"]);
  });

  it("rejects unknown or invalid fields with 400 naming them", async () => {
    const host = await createHost("listing-invalid");
    const draft = await createDraft(host);
    const result = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: draft.id,
        changes: { country: "Portugal", nightlyPrice: -5, weeklyDiscountPercent: 95, weekendPrice: -1 },
      }),
    );
    expect(result.status).toBe(400);
    const paths = result.error?.issues?.map((i) => i.path) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        "changes.country",
        "changes.nightlyPrice",
        "changes.weeklyDiscountPercent",
        "changes.weekendPrice",
      ]),
    );
  });
});

describe("who may change a listing", () => {
  it("answers 401 to anonymous callers and 403 to members who are not hosts", async () => {
    expect(
      (await settle(() => api.listings.create.mutate({ title: "x", propertyType: "house" }))).status,
    ).toBe(401);
    const guest = await createMember("listing-guest");
    const refused = await settle(() =>
      createTestClient(guest.auth).listings.create.mutate({ title: "x", propertyType: "house" }),
    );
    expect(refused.status).toBe(403);
    expect((await settle(() => createTestClient(guest.auth).listings.mine.query())).status).toBe(403);
    const draftless = await putPhoto(crypto.randomUUID(), photos.png(), "image/png");
    expect(draftless.status).toBe(401);
  });

  it("hides another host's draft (404) and forbids changing their published listing (403)", async () => {
    const owner = await createHost("listing-owner");
    const intruder = await createHost("listing-intruder");
    const draft = await createDraft(owner);
    const changes = { title: "Mine now" };
    expect(
      (await settle(() => createTestClient(intruder.auth).listings.update.mutate({ id: draft.id, changes })))
        .status,
    ).toBe(404);
    expect(
      (await settle(() => createTestClient(intruder.auth).listings.get.query({ id: draft.id }))).status,
    ).toBe(404);
    expect((await putPhoto(draft.id, photos.png(), "image/png", intruder.auth)).status).toBe(404);

    const published = await createPublished(owner, { ...somewhere(), city: "Braga" });
    for (const [path, input] of [
      ["listings.update", { id: published.id, changes }],
      ["listings.unlist", { id: published.id }],
      ["listings.deletePhoto", { listingId: published.id, photoId: published.photos[0]?.id }],
      ["listings.setCoverPhoto", { listingId: published.id, photoId: published.photos[1]?.id }],
    ] as const) {
      const result = await callProcedure({ path, type: "mutation" }, input, intruder.auth);
      expect(result.status, path).toBe(403);
    }
    const stillOwners = await settle(() => api.listings.get.query({ id: published.id }));
    expect(stillOwners.data).toMatchObject({ status: "published", title: "Harbour flat" });
    expect(stillOwners.data.photos).toHaveLength(5);
  });

  it("lets an admin change any listing", async () => {
    const owner = await createHost("listing-admin-owner");
    const admin = await createHost("listing-admin");
    await withDatabase((_db, pool) =>
      pool.query("update users set role = 'admin' where id = $1", [admin.userId]),
    );
    const draft = await createDraft(owner);
    const result = await settle(() =>
      createTestClient(admin.auth).listings.update.mutate({ id: draft.id, changes: { title: "Fixed" } }),
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ title: "Fixed", hostId: owner.userId });
  });
});

describe("instant book waits for payouts", () => {
  /** A complete draft with five photos, ready to publish. */
  async function readyDraft(host: Awaited<ReturnType<typeof createHost>>, instantBook: boolean) {
    const draft = await createDraft(host);
    const { lat, lng } = somewhere();
    await createTestClient(host.auth).listings.update.mutate({
      id: draft.id,
      changes: { ...completeDetails(lat, lng, "Porto"), instantBook },
    });
    for (let i = 0; i < 5; i++) await putPhoto(draft.id, photos.png(640 + i, 480), "image/png", host.auth);
    return draft;
  }

  it("refuses to publish an instant-book listing until payouts are enabled, and says where to set them up", async () => {
    const host = await createHost("listing-ib-publish");
    const draft = await readyDraft(host, true);
    const asHost = createTestClient(host.auth);
    const refused = await settle(() => asHost.listings.publish.mutate({ id: draft.id }));
    expect(refused.status).toBe(403);
    expect(refused.error).toMatchObject({ code: "FORBIDDEN" });
    expect(refused.error?.message).toMatch(/payouts/i);
    expect(refused.error?.message).toContain("/host/payouts");
    expect((await asHost.listings.get.query({ id: draft.id })).status).toBe("draft");

    await setPayouts(host, true);
    expect((await asHost.listings.publish.mutate({ id: draft.id })).status).toBe("published");
  });

  it("publishes a request-to-book listing without payouts, but refuses switching instant book on until they are enabled", async () => {
    const host = await createHost("listing-ib-switch");
    const draft = await readyDraft(host, false);
    const asHost = createTestClient(host.auth);
    expect((await asHost.listings.publish.mutate({ id: draft.id })).status).toBe("published");
    const switchOn = () => asHost.listings.update.mutate({ id: draft.id, changes: { instantBook: true } });
    const refused = await settle(switchOn);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("/host/payouts");
    expect((await asHost.listings.get.query({ id: draft.id })).instantBook).toBe(false);
    // Off is always allowed, and so is any other change.
    expect(
      (await asHost.listings.update.mutate({ id: draft.id, changes: { instantBook: false, minNights: 2 } }))
        .minNights,
    ).toBe(2);

    await setPayouts(host, true);
    expect((await switchOn()).instantBook).toBe(true);
  });

  it("lets a draft switch instant book on before payouts (publishing is the gate)", async () => {
    const host = await createHost("listing-ib-draft");
    const draft = await createDraft(host);
    const saved = await createTestClient(host.auth).listings.update.mutate({
      id: draft.id,
      changes: { instantBook: true },
    });
    expect(saved.instantBook).toBe(true);
  });

  it("keeps a published instant-book listing whose payouts Stripe disabled later; it takes requests meanwhile", async () => {
    const host = await createHost("listing-ib-disabled");
    await setPayouts(host, true);
    const draft = await readyDraft(host, true);
    const asHost = createTestClient(host.auth);
    await asHost.listings.publish.mutate({ id: draft.id });
    await setPayouts(host, false);
    // Saving the pricing step again (instant book unchanged) is not switching it on.
    expect(
      (
        await asHost.listings.update.mutate({
          id: draft.id,
          changes: { instantBook: true, cleaningFee: 2_500 },
        })
      ).cleaningFee,
    ).toBe(2_500);
    expect((await asHost.listings.publish.mutate({ id: draft.id })).status).toBe("published");
    const guest = await createMember("listing-ib-disabled-guest");
    const booked = await bookStay(guest, draft.id, 30, 2);
    expect(booked.status).toBe(200);
    expect(booked.data.booking).toMatchObject({ status: "pending_payment", instantBook: false });
  });
});

describe("lead time", () => {
  it("sets the days of notice a stay needs, which quotes then apply", async () => {
    const host = await createHost("listing-lead-time");
    const listing = await createPublished(host, { ...somewhere(), city: "Braga" });
    const asHost = createTestClient(host.auth);
    const saved = await asHost.listings.update.mutate({ id: listing.id, changes: { leadTimeDays: 3 } });
    expect(saved.leadTimeDays).toBe(3);
    expect((await api.listings.get.query({ id: listing.id })).leadTimeDays).toBe(3);
    const soon = await api.listings.quote.query({
      listingId: listing.id,
      checkIn: utcDaysFromToday(1),
      checkOut: utcDaysFromToday(3),
    });
    expect(soon).toMatchObject({ available: false, unavailableReason: "lead_time", leadTimeDays: 3 });
    const later = await api.listings.quote.query({
      listingId: listing.id,
      // A day to spare: "today" is the listing's own day, which may be ahead of UTC's.
      checkIn: utcDaysFromToday(5),
      checkOut: utcDaysFromToday(7),
    });
    expect(later).toMatchObject({ available: true });
    expect(
      (await asHost.listings.update.mutate({ id: listing.id, changes: { leadTimeDays: 0 } })).leadTimeDays,
    ).toBe(0);
  });

  it.each([-1, 366, 1.5, "3"])("refuses a lead time of %j with 400 on the field", async (leadTimeDays) => {
    const host = await createHost("listing-lead-time-bad");
    const draft = await createDraft(host);
    const result = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: draft.id,
        changes: { leadTimeDays: untyped(leadTimeDays) },
      }),
    );
    expect(result.status).toBe(400);
    expect(result.error?.issues?.map((i) => i.path)).toEqual(["changes.leadTimeDays"]);
  });
});
