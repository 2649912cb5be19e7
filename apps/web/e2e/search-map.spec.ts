import { randomInt } from "node:crypto";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import type { Page } from "@playwright/test";
import { calendarDay, mapPin, openListingFromMap, searchByCityAndDates } from "./flows/guest-search.ts";
import { snap } from "./screenshots.ts";
import { ApiClient, createPublishedListing } from "./search-fixtures.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

// A city of its own per run (letters only: it is searched as one word), placed inland near Évora,
// away from the demo data's cities, so a map-area search finds only these homes.
const tag = Array.from({ length: 5 }, () => String.fromCharCode(97 + randomInt(26))).join("");
const city = `Velmora${tag}`;
const loft = `Harbour loft ${tag}`;
const villa = `Hillside villa ${tag}`;
const cottage = `Garden cottage ${tag}`;

/** Opens the filter panel unless it is open already (it stays open across searches). */
async function openFilters(page: Page) {
  const toggle = page.getByRole("button", { name: /^Filters/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
}

test("a guest finds free homes by city and dates, filters them, and opens one from the map", async ({
  page,
}) => {
  const api = new ApiClient(process.env.E2E_API_URL ?? "");
  await api.signUpAsHost("Marta Host");
  const base = { city, cleaningFee: 30, amenities: ["wifi", "kitchen"] };
  await createPublishedListing(api, {
    ...base,
    title: loft,
    propertyType: "apartment",
    lat: 38.571,
    lng: -7.909,
    nightlyPrice: 120,
    bedrooms: 1,
    instantBook: true,
  });
  await createPublishedListing(api, {
    ...base,
    title: villa,
    propertyType: "villa",
    lat: 38.585,
    lng: -7.93,
    nightlyPrice: 280,
    bedrooms: 4,
    amenities: ["wifi", "kitchen", "pool"],
  });
  const cottageId = await createPublishedListing(api, {
    ...base,
    title: cottage,
    propertyType: "cottage",
    lat: 38.56,
    lng: -7.89,
    nightlyPrice: 90,
    bedrooms: 2,
  });
  const checkIn = utcDaysFromToday(30);
  const checkOut = utcDaysFromToday(33);
  // The cottage is taken over the whole stay (and a night either side).
  await api.trpc.calendar.blockDates.mutate({
    listingId: cottageId,
    from: utcDaysFromToday(29),
    to: utcDaysFromToday(34),
    note: "Family visit",
  });

  // The map works offline: nothing is fetched from anywhere but the web app itself.
  const origin = new URL(process.env.E2E_BASE_URL ?? "").origin;
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) foreign.push(url);
  });

  await searchByCityAndDates(page, { city, checkIn, checkOut, guests: 2 });
  const results = page.getByRole("list", { name: "Homes" });
  await expect(page.getByRole("heading", { level: 1, name: `2 homes in ${city}` })).toBeVisible();
  await expect(results.getByRole("link", { name: loft })).toBeVisible();
  await expect(results.getByRole("link", { name: villa })).toBeVisible();
  await expect(results.getByRole("link", { name: cottage })).toHaveCount(0);
  // With dates a card shows the stay's total: 3 nights x €120 + €30 cleaning.
  await expect(results.getByRole("listitem").filter({ hasText: loft }).getByTestId("stay-total")).toHaveText(
    /€390 total for 3 nights/,
  );
  await expect(mapPin(page, loft)).toBeVisible();
  await expect(mapPin(page, villa)).toBeVisible();
  await expect(mapPin(page, cottage)).toHaveCount(0);
  const cover = results.getByRole("listitem").first().locator("img");
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await snap(page, "search-results-map");

  // Moving the map offers to search that area; the area goes into the URL instead of the place.
  const map = page.getByRole("region", { name: "Map of results" });
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await page.getByRole("button", { name: "Search this area" }).click();
  await expect(page).toHaveURL(/bounds=-?\d/);
  expect(new URL(page.url()).searchParams.get("q")).toBeNull();
  await expect(page.getByRole("heading", { level: 1, name: "2 homes in the map area" })).toBeVisible();
  await expect(results.getByRole("link", { name: loft })).toBeVisible();

  // Filters: each one is a new URL; a reload of it reproduces the same results and filters.
  await openFilters(page);
  await expect(page.getByRole("checkbox", { name: "Villa (1)" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Villa (1)" }).check();
  await expect(page).toHaveURL(/type=villa/);
  await expect(results.getByRole("link", { name: loft })).toHaveCount(0);
  await expect(results.getByRole("link", { name: villa })).toBeVisible();
  await page.getByRole("checkbox", { name: /^Pool/ }).check();
  await expect(page).toHaveURL(/amenity=pool/);
  await expect(page.getByRole("heading", { level: 1, name: "1 home in the map area" })).toBeVisible();

  // Back and forward step through the searches made.
  await page.goBack();
  await expect(page).not.toHaveURL(/amenity=pool/);
  await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/type=villa/);
  await expect(page.getByRole("heading", { level: 1, name: "2 homes in the map area" })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "1 home in the map area" })).toBeVisible();
  await snap(page, "search-filtered");

  // A reload of the URL reproduces the same results and filters.
  const filteredUrl = page.url();
  expect(filteredUrl).toMatch(/type=villa/);
  await page.reload();
  expect(page.url()).toBe(filteredUrl);
  await expect(page.getByRole("heading", { level: 1, name: "1 home in the map area" })).toBeVisible();
  await expect(results.getByRole("link", { name: villa })).toBeVisible();
  await expect(results.getByRole("link", { name: loft })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Filters (2)" })).toBeVisible();
  await openFilters(page);
  await expect(page.getByRole("checkbox", { name: /^Villa/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Pool/ })).toBeChecked();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "2 homes in the map area" })).toBeVisible();

  // A price ceiling for the stay's total (dates are set): the villa's €870 is out, the loft's €390 in.
  await openFilters(page);
  await page.getByLabel("Maximum").fill("500");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/price_max=500/);
  await expect(results.getByRole("link", { name: villa })).toHaveCount(0);
  await expect(results.getByRole("link", { name: loft })).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(results.getByRole("link", { name: villa })).toBeVisible();
  expect(foreign).toEqual([]);

  // Pins are buttons: the keyboard opens a pin's card too.
  await mapPin(page, villa).focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("region", { name: "Selected home" }).getByRole("link", { name: villa }),
  ).toBeVisible();
  await expect(mapPin(page, villa)).toHaveAttribute("aria-pressed", "true");
  await snap(page, "search-pin-card");

  // The pin opens a card; its link opens the listing with the trip carried over.
  await openListingFromMap(page, loft);
  await expect(page).toHaveURL(new RegExp(`checkin=${checkIn}&checkout=${checkOut}&guests=2`));
  await expect(page.getByRole("heading", { name: "Availability" })).toBeVisible();
  await expect(calendarDay(page, checkIn)).toHaveAccessibleName(/check-in$/);
  await expect(calendarDay(page, checkOut)).toHaveAccessibleName(/check-out$/);
  await expect(page.getByTestId("quote-stay-total")).toHaveText("€390");
  await expect(page.getByText("Marta Host", { exact: false }).first()).toBeVisible();
  await snap(page, "listing-with-quote");

  // Photos: the grid opens a lightbox that arrow keys step through and Escape closes.
  await page.getByRole("button", { name: "Show all 5 photos" }).click();
  const lightbox = page.getByRole("dialog", { name: `Photos of ${loft}` });
  await expect(lightbox.getByText("Photo 1 of 5")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(lightbox.getByText("Photo 2 of 5")).toBeVisible();
  await snap(page, "listing-lightbox");
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();

  // Other dates from the calendar: two nights, priced again and written to the URL.
  await page.getByRole("button", { name: "Clear dates" }).click();
  const newIn = utcDaysFromToday(31);
  const newOut = utcDaysFromToday(33);
  await calendarDay(page, newIn).click();
  await calendarDay(page, newOut).click();
  await expect(page.getByText("2 nights:")).toBeVisible();
  await expect(page.getByTestId("quote-stay-total")).toHaveText("€270");
  await expect(page).toHaveURL(new RegExp(`checkin=${newIn}&checkout=${newOut}`));

  // The cottage's taken nights cannot be picked, and asking for them anyway says so.
  await page.goto(`/listings/${cottageId}?checkin=${checkIn}&checkout=${checkOut}`);
  await expect(page.getByRole("heading", { level: 1, name: cottage })).toBeVisible();
  await expect(page.getByText("These dates are not available.")).toBeVisible();
  await page.getByRole("button", { name: "Clear dates" }).click();
  await expect(calendarDay(page, utcDaysFromToday(31))).toBeDisabled();
  await expect(calendarDay(page, utcDaysFromToday(31))).toHaveAccessibleName(/unavailable$/);
  await snap(page, "listing-dates-taken");

  // A search link from last month: its dates are over, so it shows the homes without them and says why.
  await page.goto(
    `/search?q=${city}&checkin=${utcDaysFromToday(-30)}&checkout=${utcDaysFromToday(-27)}&guests=2`,
  );
  await expect(page.getByText("The dates in this link have passed")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `3 homes in ${city}` })).toBeVisible();
  await expect(results.getByRole("link", { name: cottage })).toBeVisible();

  await page.goto("/listings/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "This home is not available" })).toBeVisible();
  await snap(page, "listing-not-found");
});
