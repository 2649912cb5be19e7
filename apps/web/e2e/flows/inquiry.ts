import { type Browser, expect, type Page } from "@playwright/test";
import { ApiClient, createPublishedListing } from "../search-fixtures.ts";
import { newMember, signUpAndLogIn, signUpAsHost } from "./host-listing.ts";

export type SmallHome = { title: string; city: string; lat: number; lng: number; nightlyPrice: number };

/**
 * A host signed up in `hostPage` with a published one-bedroom flat (arranged through the API as
 * that host), and a guest, in a browser context of their own, who asked about it with "Contact
 * host": the guest's page is on the new conversation's thread.
 */
export async function guestAsksHost(browser: Browser, hostPage: Page, home: SmallHome) {
  const host = await signUpAsHost(hostPage, undefined, newMember("Hana Host"));
  const api = new ApiClient(process.env.E2E_API_URL ?? "");
  await api.logIn(host.email, host.password);
  const listingId = await createPublishedListing(api, {
    ...home,
    propertyType: "apartment",
    cleaningFee: 0,
    bedrooms: 1,
    amenities: ["wifi"],
  });

  const guestContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const guest = await guestContext.newPage();
  await signUpAndLogIn(guest, undefined, newMember("Gil Guest"));
  await guest.goto(`/listings/${listingId}`);
  await guest.getByTestId("contact-host").click();
  await expect(guest).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  return { host, listingId, guest, guestContext };
}
