import { expect, type Page } from "@playwright/test";

/**
 * What a guest does on the search side, as reusable steps for journeys (see search-map.spec.ts
 * and the host → guest journey). Steps use roles and labels only, as a screen reader would.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * From the home page's search box to the results: place, dates (ISO `YYYY-MM-DD`) and guests.
 * Resolves once the results (or the "no homes" state) are on screen.
 */
export async function searchByCityAndDates(
  page: Page,
  trip: { city: string; checkIn: string; checkOut: string; guests?: number },
): Promise<void> {
  await page.goto("/");
  const form = page.getByRole("search", { name: "Find a home" });
  await form.getByLabel("Where").fill(trip.city);
  await form.getByLabel("Check-in").fill(trip.checkIn);
  await form.getByLabel("Check-out").fill(trip.checkOut);
  if (trip.guests) await form.getByLabel("Guests").fill(String(trip.guests));
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?/);
  await expect(
    page
      .getByRole("list", { name: "Homes" })
      .or(page.getByRole("heading", { name: "No homes match this search" })),
  ).toBeVisible();
}

/** The price pin of a listing on the results map. */
export function mapPin(page: Page, title: string) {
  return page
    .getByRole("region", { name: "Map of results" })
    .getByRole("button", { name: new RegExp(`^${escapeRegExp(title)}, `) });
}

/** Clicks the listing's pin on the map, then the title in the card it opens; ends on the listing page. */
export async function openListingFromMap(page: Page, title: string): Promise<void> {
  await mapPin(page, title).click();
  const card = page.getByRole("region", { name: "Selected home" });
  await expect(card).toBeVisible();
  await card.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/listings\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** "Friday 3 July 2026", as the listing page's calendar names its days. */
export function dayName(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.toLocaleDateString("en", { weekday: "long", timeZone: "UTC" });
  const month = d.toLocaleDateString("en", { month: "long", timeZone: "UTC" });
  return `${weekday} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

/** A day of the listing page's availability calendar (`date` as YYYY-MM-DD). */
export function calendarDay(page: Page, date: string) {
  return page.getByRole("button", { name: new RegExp(`^${dayName(date)},`) });
}
