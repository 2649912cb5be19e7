import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { mapPin, openListingFromMap, searchByCityAndDates } from "./flows/guest-search.ts";
import { createAndPublishListing, signUpAsHost } from "./flows/host-listing.ts";
import { snap } from "./screenshots.ts";
import { isoDaysFromNow } from "./search-fixtures.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

// A city name of its own per run (one word, letters only), so the search finds this home alone.
const tag = Array.from({ length: 6 }, () => String.fromCharCode(97 + randomInt(26))).join("");
const city = `Alvorada${tag}`;
const title = `Terrace flat ${tag}`;

test("a host publishes a home with photos in the editor; a guest finds it by city and dates on the map and opens it", async ({
  browser,
  page,
}) => {
  test.setTimeout(480_000);

  // The host: sign up, verify, become a host, then every editor step through to publishing.
  await signUpAsHost(page);
  const { listingId } = await createAndPublishListing(page, {
    title,
    city,
    country: "PT",
    lat: 38.0151,
    lng: -7.8632,
    nightlyPrice: 95,
    photos: "generated",
    timezone: "Europe/Lisbon",
  });
  await snap(page, "journey-host-published");

  // The guest: a fresh browser context with no session, from the home page's search box.
  const guestContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const guest = await guestContext.newPage();
  const checkIn = isoDaysFromNow(40);
  const checkOut = isoDaysFromNow(43);
  await searchByCityAndDates(guest, { city, checkIn, checkOut, guests: 2 });

  const results = guest.getByRole("list", { name: "Homes" });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results.getByRole("link", { name: title })).toBeVisible();
  // Three nights at €95 with no cleaning fee, weekend price or discount set in the editor.
  await expect(results.getByTestId("stay-total")).toHaveText(/€285 total for 3 nights/);
  await expect(mapPin(guest, title)).toBeVisible();
  await snap(guest, "journey-guest-search");

  await openListingFromMap(guest, title);
  await expect(guest).toHaveURL(
    new RegExp(`/listings/${listingId}\\?.*checkin=${checkIn}&checkout=${checkOut}`),
  );
  await expect(guest.getByRole("button", { name: "Show all 5 photos" })).toBeVisible();
  await expect(guest.getByRole("heading", { name: "Availability" })).toBeVisible();
  await expect(guest.getByTestId("quote-total")).toHaveText("€285");
  await snap(guest, "journey-guest-listing");
  await guestContext.close();
});
