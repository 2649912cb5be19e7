import { randomInt } from "node:crypto";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import type { Browser, Page } from "@playwright/test";
import { snapBoth } from "./booking-screens.ts";
import {
  checkOutWithCard,
  expectRequestSent,
  hostWithListing,
  openCheckout,
  payWithCard,
  setUpPayouts,
  TEST_CARDS,
} from "./flows/booking.ts";
import { signUpAndLogIn } from "./flows/host-listing.ts";
import { stripeIntentOf } from "./flows/stripe-standin.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });
test.describe.configure({ mode: "serial" });

const tag = String(randomInt(1e6));
const title = `Olive grove house ${tag}`;
let host: Page;
let guest: Page;
let listingId: string;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  return context.newPage();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(420_000);
  host = await newPage(browser);
  ({ listingId } = await hostWithListing(host, { instantBook: false, title }));
  guest = await newPage(browser);
  await signUpAndLogIn(guest, undefined, {
    name: "Gil Guest",
    email: `gil.${tag}.${Date.now().toString(36)}@example.test`,
    password: `meadow-compass-${tag}-violet`,
  });
});

test("a guest requests a stay and pays by card, the host accepts, and the guest cancels and sees the refund", async () => {
  test.setTimeout(420_000);
  const stay = { checkIn: utcDaysFromToday(40), checkOut: utcDaysFromToday(43), guests: 2 };

  // Before payouts are set up the inbox says so and Accept waits; the host connects an account.
  await host.goto("/host/reservations");
  await expect(host.getByText("Set up payouts to accept requests")).toBeVisible();
  await setUpPayouts(host);
  await snapBoth(host, "payouts-enabled");

  await openCheckout(guest, listingId, stay);
  const summary = guest.getByRole("region", { name: title });
  await expect(summary.getByText("3 nights")).toBeVisible();
  await expect(summary.getByText("Cleaning fee")).toBeVisible();
  await expect(summary.getByText("Service fee")).toBeVisible();
  const total = (await guest.getByTestId("price-total").textContent()) ?? "";
  await guest.getByLabel("Message to the host (optional)").fill("We arrive by train around six.");
  await snapBoth(guest, "checkout");
  await payWithCard(guest, TEST_CARDS.success);
  const { tripUrl } = await expectRequestSent(guest);
  await snapBoth(guest, "request-sent");

  await host.goto("/host/reservations?group=requests");
  const request = host.getByTestId("reservation").filter({ hasText: title });
  await expect(request.getByText("We arrive by train around six.")).toBeVisible();
  // The e2e stack gives hosts E2E_REQUEST_RESPONSE_SECONDS (45 s) instead of 24 h.
  await expect(request.getByTestId("time-left")).toHaveText("1 min left");
  await snapBoth(host, "host-requests");
  await request.getByRole("button", { name: "Accept" }).click();
  await expect(request).toHaveCount(0);
  await host.goto("/host/reservations?group=upcoming");
  await expect(
    host.getByTestId("reservation").filter({ hasText: title }).getByText("Confirmed"),
  ).toBeVisible();
  await snapBoth(host, "host-upcoming");

  await guest.goto("/trips");
  const trip = guest.getByTestId("trip").filter({ hasText: title });
  await expect(trip.getByTestId("booking-status")).toHaveText("Confirmed");
  await snapBoth(guest, "trips-upcoming");
  await guest.goto(tripUrl);
  await expect(guest.getByTestId("price-total")).toHaveText(total);
  await guest.getByRole("button", { name: "Cancel trip" }).click();
  const preview = guest.getByTestId("refund-preview");
  await expect(preview).toBeVisible();
  const refund = /the refund is (\S+)/.exec((await preview.textContent()) ?? "")?.[1];
  expect(refund).toBeTruthy();
  await snapBoth(guest, "cancel-preview");
  await guest.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(guest.getByTestId("booking-status")).toHaveText("Cancelled by you");
  await expect(guest.getByTestId("refund-amount")).toHaveText(refund ?? "");
  await snapBoth(guest, "cancelled-with-refund");
  await guest.goto("/trips?group=cancelled");
  await expect(guest.getByTestId("trip").filter({ hasText: title })).toContainText(`refunded ${refund}`);
});

test("a declined card says why, and another card on the same held booking then books the stay", async () => {
  test.setTimeout(240_000);
  const stay = { checkIn: utcDaysFromToday(60), checkOut: utcDaysFromToday(62), guests: 1 };
  await checkOutWithCard(guest, listingId, stay, TEST_CARDS.insufficientFunds);
  await expect(guest.getByText("Your card has insufficient funds. Try another card.")).toBeVisible();
  await expect(guest.getByText("Your dates stay held: you can try 2 more cards.")).toBeVisible();
  await snapBoth(guest, "declined-insufficient-funds");
  await payWithCard(guest, TEST_CARDS.declined);
  await expect(
    guest.getByText("Your card was declined. Try another card or contact your bank."),
  ).toBeVisible();
  await expect(guest.getByText("Your dates stay held: you can try one more card.")).toBeVisible();
  await payWithCard(guest, TEST_CARDS.success);
  // One booking throughout: its one PaymentIntent took the good card after two refusals, and no
  // refused attempt left a booking of its own behind.
  const { bookingId } = await expectRequestSent(guest);
  const intent = await stripeIntentOf(bookingId);
  expect(intent.status).toBe("requires_capture");
  await guest.goto("/trips");
  await expect(guest.getByTestId("trip").filter({ hasText: title })).toHaveCount(1);
  await guest.goto("/trips?group=cancelled");
  await expect(guest.getByTestId("trip").filter({ hasText: "Payment failed" })).toHaveCount(0);
});

test("a card that asks for authentication completes once the guest approves it", async () => {
  test.setTimeout(240_000);
  const stay = { checkIn: utcDaysFromToday(80), checkOut: utcDaysFromToday(82), guests: 1 };
  await checkOutWithCard(guest, listingId, stay, TEST_CARDS.authenticate);
  await expect(guest.getByRole("heading", { name: "Confirm with your bank" })).toBeVisible();
  const bank = guest.frameLocator('iframe[title="Bank authentication"]');
  await expect(bank.getByText("Your bank asks you to confirm a payment")).toBeVisible();
  await snapBoth(guest, "bank-authentication");
  await bank.getByRole("button", { name: "Complete authentication" }).click();
  await expectRequestSent(guest);
});

test("a request left unanswered expires, and the guest's card hold is voided", async () => {
  test.setTimeout(240_000);
  const stay = { checkIn: utcDaysFromToday(100), checkOut: utcDaysFromToday(103), guests: 2 };
  await checkOutWithCard(guest, listingId, stay, TEST_CARDS.success);
  const { bookingId, tripUrl } = await expectRequestSent(guest);
  expect((await stripeIntentOf(bookingId)).status).toBe("requires_capture");

  // The host does not answer. The workers' deadline message (or the sweep) expires the request
  // once the 45 s window is over; the guest reloads the trip page as they would.
  await expect(async () => {
    await guest.goto(tripUrl);
    await expect(guest.getByTestId("booking-status")).toHaveText("Expired", { timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  await snapBoth(guest, "request-expired");
  await guest.goto("/trips?group=cancelled");
  const ended = guest.getByTestId("trip").filter({ has: guest.locator(`a[href="/trips/${bookingId}"]`) });
  await expect(ended.getByTestId("booking-status")).toHaveText("Expired");

  // The host's open requests no longer offer it, and the card authorisation was released at Stripe.
  await host.goto("/host/reservations?group=requests");
  await expect(host.getByTestId("reservation").filter({ hasText: title })).toHaveCount(0);
  await expect
    .poll(async () => (await stripeIntentOf(bookingId)).status, { timeout: 30_000 })
    .toBe("canceled");
});
