import { randomInt } from "node:crypto";
import { addDays, addMonths } from "@hometrip/contracts/dates";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { calendarDay, mapPin, openListingFromMap, searchByCityAndDates } from "./flows/guest-search.ts";
import { createAndPublishListing, signUpAsHost } from "./flows/host-listing.ts";
import { snap } from "./screenshots.ts";
import { ApiClient, createPublishedListing } from "./search-fixtures.ts";
import { expect, test } from "./test.ts";

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
  const checkIn = utcDaysFromToday(40);
  const checkOut = utcDaysFromToday(43);
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
  await expect(guest.getByTestId("quote-stay-total")).toHaveText("€285");
  await snap(guest, "journey-guest-listing");
  await guestContext.close();
});

/** "Jul 3", as the price panel and the calendar's status line show a date. */
function shortDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

/** The same day a month on, or the next month's last day when it is shorter. */
const nextMonthSameDay = (date: string) => addMonths(date, 1);

function monthCaption(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

test("a guest moves through the listing's calendar and picks a stay with the keyboard alone", async ({
  page,
}) => {
  const api = new ApiClient(process.env.E2E_API_URL ?? "");
  await api.signUpAsHost("Keyboard Host");
  const checkIn = utcDaysFromToday(30);
  const checkOut = utcDaysFromToday(33);
  // The new stay starts a month after the one the search brought; two nights a few days on are taken.
  const newIn = nextMonthSameDay(checkIn);
  const newOut = addDays(newIn, 3);
  const listingId = await createPublishedListing(api, {
    title: `Keyboard flat ${tag}`,
    // Not the journey's city, whose search expects its one home.
    city: `Teclado${tag}`,
    propertyType: "apartment",
    lat: 38.0151,
    lng: -7.8632,
    nightlyPrice: 80,
    cleaningFee: 0,
    bedrooms: 1,
    amenities: ["wifi"],
  });
  await api.trpc.calendar.blockDates.mutate({
    listingId,
    from: addDays(newIn, 5),
    to: addDays(newIn, 7),
    note: "Owner stay",
  });

  await page.goto(`/listings/${listingId}?checkin=${checkIn}&checkout=${checkOut}`);
  await expect(page.getByTestId("quote-stay-total")).toHaveText("€240");

  // Each month is a grid whose columns are named by the weekday headers.
  const month = page.getByRole("grid", { name: monthCaption(checkIn) });
  const headers = month.getByRole("columnheader");
  const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  await expect(headers).toHaveCount(7);
  for (const [i, weekday] of weekdays.entries()) await expect(headers.nth(i)).toHaveAccessibleName(weekday);
  await expect(month.getByRole("gridcell").getByRole("button").first()).toBeVisible();

  // One tab stop for the whole calendar, on the check-in: Tab goes in, and Tab again goes past it.
  await page.getByRole("button", { name: "Later months →" }).focus();
  await page.keyboard.press("Tab");
  await expect(calendarDay(page, checkIn)).toBeFocused();
  await expect(calendarDay(page, checkIn)).toHaveAccessibleName(/check-in$/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Clear dates" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(calendarDay(page, checkIn)).toBeFocused();

  // Days and weeks with the arrows.
  await page.keyboard.press("ArrowRight");
  await expect(calendarDay(page, addDays(checkIn, 1))).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(calendarDay(page, addDays(checkIn, 8))).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowLeft");
  await expect(calendarDay(page, checkIn)).toBeFocused();

  // Page Down twice goes past the two months on show; the calendar pages along with the focus.
  const twoMonthsOn = nextMonthSameDay(nextMonthSameDay(checkIn));
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await expect(calendarDay(page, twoMonthsOn)).toBeFocused();
  await expect(page.getByRole("grid", { name: monthCaption(twoMonthsOn) })).toBeVisible();
  await page.keyboard.press("PageUp");
  await expect(calendarDay(page, newIn)).toBeFocused();

  // Enter picks the check-in, as a click does.
  await page.keyboard.press("Enter");
  await expect(calendarDay(page, newIn)).toHaveAccessibleName(/check-in$/);
  await expect(page.getByText(`Check-in ${shortDate(newIn)}. Now select a check-out date`)).toBeVisible();

  // A taken night is reached by the arrows and says so, but Enter does not pick it.
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  const taken = calendarDay(page, addDays(newIn, 6));
  await expect(taken).toBeFocused();
  await expect(taken).toHaveAccessibleName(/unavailable$/);
  await expect(taken).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Check-in ${shortDate(newIn)}. Now select a check-out date`)).toBeVisible();

  // Back three days and Enter: the check-out, shown in the status line and the price panel.
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  await expect(calendarDay(page, newOut)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(calendarDay(page, newOut)).toHaveAccessibleName(/check-out$/);
  await expect(page.getByText(`3 nights: ${shortDate(newIn)} – ${shortDate(newOut)}`)).toBeVisible();
  const panel = page.getByRole("complementary", { name: "Price and dates" });
  await expect(panel.getByRole("definition")).toHaveText([shortDate(newIn), shortDate(newOut)]);
  await expect(page.getByTestId("quote-stay-total")).toHaveText("€240");
  await expect(page).toHaveURL(new RegExp(`checkin=${newIn}&checkout=${newOut}`));
  await snap(page, "listing-calendar-keyboard");

  // Clearing the dates (the button leaves with them) hands focus back to the day last focused.
  await page.getByRole("button", { name: "Clear dates" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Select a check-in date.")).toBeVisible();
  await expect(calendarDay(page, newOut)).toBeFocused();
});
