import { randomInt } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { ApiClient, createPublishedListing } from "../search-fixtures.ts";
import { type Member, signUpAsHost } from "./host-listing.ts";

/**
 * Steps of the booking journeys, done the way a guest or a host does them in the browser. Only
 * the host's listing is arranged through the API (as a partner app would), to keep runs short.
 */

export const TEST_CARDS = {
  success: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
  insufficientFunds: "4000 0000 0000 9995",
  authenticate: "4000 0025 0000 3155",
} as const;

/** A host signed in on `page` with one published home (€120 a night, €30 cleaning) of their own. */
export async function hostWithListing(
  page: Page,
  opts: { instantBook: boolean; title: string },
): Promise<{ host: Member; listingId: string }> {
  const host = await signUpAsHost(page);
  const api = new ApiClient(process.env.E2E_API_URL ?? "");
  await api.logIn(host.email, host.password);
  const tag = String(randomInt(1e6));
  const listingId = await createPublishedListing(api, {
    title: opts.title,
    // Near Coimbra: away from the spots other specs search by map area (search-map uses Évora).
    city: `Coimbra${tag}`,
    lat: 40.2033,
    lng: -8.4103,
    propertyType: "house",
    nightlyPrice: 120,
    cleaningFee: 30,
    bedrooms: 2,
    amenities: ["wifi", "kitchen"],
    instantBook: opts.instantBook,
  });
  return { host, listingId };
}

/** The host connects a payout account on the Stripe stand-in's onboarding page. */
export async function setUpPayouts(page: Page): Promise<void> {
  await page.goto("/host/payouts");
  await page.getByRole("button", { name: "Set up payouts with Stripe" }).click();
  await expect(page.getByRole("heading", { name: "Set up payouts" })).toBeVisible();
  await page.getByRole("button", { name: "Agree and submit" }).click();
  await expect(page).toHaveURL(/\/host\/payouts/);
  await expect(page.getByText("Payouts are on.")).toBeVisible({ timeout: 30_000 });
}

/** From the listing page with dates, through Reserve / Request to book, to the checkout page. */
export async function openCheckout(
  page: Page,
  listingId: string,
  stay: { checkIn: string; checkOut: string; guests: number },
): Promise<void> {
  await page.goto(
    `/listings/${listingId}?checkin=${stay.checkIn}&checkout=${stay.checkOut}&guests=${stay.guests}`,
  );
  await expect(page.getByTestId("quote-total")).toBeVisible();
  await page.getByTestId("book-button").click();
  await expect(page).toHaveURL(new RegExp(`/listings/${listingId}/book\\?`));
  await expect(page.getByTestId("price-total")).toBeVisible();
}

/** Types a card into the checkout form and pays. */
export async function payWithCard(page: Page, number: string): Promise<void> {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill(`12/${String((new Date().getUTCFullYear() + 3) % 100)}`);
  await page.getByLabel("Security code").fill("123");
  await page.getByTestId("pay-button").click();
}

/** Checks out `stay` on the listing and pays with `card`; what the page shows next is the caller's to check. */
export async function checkOutWithCard(
  page: Page,
  listingId: string,
  stay: { checkIn: string; checkOut: string; guests: number },
  card: string,
): Promise<void> {
  await openCheckout(page, listingId, stay);
  await payWithCard(page, card);
}

/** Where a paid request lands: its trip page saying "Request sent". */
export async function expectRequestSent(page: Page): Promise<{ bookingId: string; tripUrl: string }> {
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]+\?booked=1/);
  await expect(page.getByText("Request sent").first()).toBeVisible({ timeout: 30_000 });
  const bookingId = /\/trips\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? "";
  return { bookingId, tripUrl: page.url().replace("?booked=1", "") };
}
