import { bookings, listings } from "@hometrip/db";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { barcelonaLoft } from "@hometrip/testkit/sample-listing";
import { describe, expect, it } from "vitest";
import { withDatabase } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";
import { createHost } from "./listings-support.ts";
import { createMember } from "./users-support.ts";

async function completeStripeForm(url: string) {
  const answer = await fetch(url, {
    method: "POST",
    body: new URLSearchParams({ action: "complete" }),
    redirect: "manual",
  });
  return answer.headers.get("location");
}

describe("payments router", () => {
  it("takes a host from no payout account to payouts enabled, and opens the dashboard only then", async () => {
    const host = await createHost("payouts");
    const api = createTestClient(host.auth);
    expect(await api.payments.payoutStatus.query()).toEqual({
      onboardingStarted: false,
      detailsSubmitted: false,
      chargesEnabled: false,
      payoutsEnabled: false,
    });
    const first = await api.payments.startOnboarding.mutate();
    const early = await settle(() => api.payments.dashboardLink.mutate());
    expect(early.status).toBe(409);
    expect((await api.payments.payoutStatus.query()).onboardingStarted).toBe(true);

    // A second start resumes the same Stripe account with a fresh link.
    const again = await api.payments.startOnboarding.mutate();
    expect(again.url).not.toBe(first.url);
    const [profile] = await withDatabase((db) =>
      db.query.hostProfiles.findMany({ where: (p, { eq }) => eq(p.userId, host.userId) }),
    );
    expect(profile?.payoutAccountId).toMatch(/^acct_/);

    expect(await completeStripeForm(again.url)).toBe("http://localhost:3000/host/payouts?onboarding=done");
    expect(await api.payments.payoutStatus.query()).toEqual({
      onboardingStarted: true,
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
    });
    expect((await api.payments.dashboardLink.mutate()).url).toContain("/standin/dashboard/");
  });

  it("lists a confirmed stay as an upcoming payout of the host's share", async () => {
    const host = await createHost("payout-list");
    const guest = await createMember("payout-guest");
    const bookingId = await withDatabase(async (db) => {
      const [listing] = await db
        .insert(listings)
        .values({ ...barcelonaLoft(host.userId), title: "Canal house" })
        .returning({ id: listings.id });
      const [booking] = await db
        .insert(bookings)
        .values({
          listingId: listing!.id,
          guestId: guest.userId,
          status: "confirmed",
          checkIn: utcDaysFromToday(5),
          checkOut: utcDaysFromToday(7),
          guests: 2,
          nightlySubtotal: 28_000,
          cleaningFee: 3_000,
          serviceFee: 3_920,
          taxes: 3_100,
          total: 38_020,
          currency: "EUR",
          idempotencyKey: crypto.randomUUID(),
        })
        .returning({ id: bookings.id });
      return booking!.id;
    });
    const { upcoming, past } = await createTestClient(host.auth).payments.listPayouts.query();
    expect(past).toEqual([]);
    expect(upcoming).toEqual([
      expect.objectContaining({
        bookingId,
        listingTitle: "Canal house",
        amount: 31_000,
        currency: "EUR",
        status: "scheduled",
        paidAt: null,
      }),
    ]);
  });

  it("is for hosts only", async () => {
    const member = await createMember("not-a-host");
    const api = createTestClient(member.auth);
    expect((await settle(() => api.payments.startOnboarding.mutate())).status).toBe(403);
    expect((await settle(() => api.payments.payoutStatus.query())).status).toBe(403);
    expect((await settle(() => createTestClient().payments.listPayouts.query())).status).toBe(401);
  });
});
