import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { addDays, addMonths, startOfMonth, todayIn } from "@hometrip/contracts/dates";
import type { Locator } from "@playwright/test";
import { setUpPayouts } from "./flows/booking.ts";
import {
  becomeHost,
  createListingDraft,
  editorStep,
  fillBasics,
  fillDetails,
  fillLocation,
  generatePhotos,
  openStep,
  publishListing,
  saveStep,
  signUpAndLogIn,
  uploadPhotos,
} from "./flows/host-listing.ts";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

/** The photo sizes in gallery order: each generated photo has its own width, so this reads the order. */
const sizesOf = (gallery: Locator) => gallery.getByTestId("photo-size").allTextContents();
const size = (width: number) => `${width} × 240`;

/** The first day of next month and the next, as YYYY-MM-DD, always in the future. */
function nextMonthDay(day: number): string {
  return addDays(startOfMonth(addMonths(startOfMonth(todayIn("UTC", new Date())), 1)), day - 1);
}

/** An .ics feed like other platforms export, on a local port (the dev stack's workers may fetch local addresses). */
async function serveIcalFeed(events: { uid: string; from: string; to: string }[]) {
  const compact = (date: string) => date.replaceAll("-", "");
  const body = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//HomeTrip e2e//Other platform//EN",
    ...events.flatMap((e) => [
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      "DTSTAMP:20260101T000000Z",
      `DTSTART;VALUE=DATE:${compact(e.from)}`,
      `DTEND;VALUE=DATE:${compact(e.to)}`,
      "SUMMARY:Reserved",
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
    "",
  ].join("\r\n");
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/calendar; charset=utf-8" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/other-platform/loft.ics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("the host area sends visitors to log in first", async ({ page }) => {
  await page.goto("/host/listings");
  await expect(page).toHaveURL(/\/login\?next=%2Fhost%2Flistings$/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
});

test("a host creates a listing step by step, uploads photos, is told what is missing, publishes, blocks dates", async ({
  page,
}) => {
  test.setTimeout(420_000);

  await signUpAndLogIn(page);
  // Members who do not host yet are sent to become one first.
  await page.goto("/host/listings");
  await expect(page).toHaveURL(/\/become-host/);
  await becomeHost(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Host" }).click();
  await expect(page.getByRole("heading", { name: "Your listings" })).toBeVisible();
  await expect(page.getByText("No listings yet")).toBeVisible();
  await snap(page, "host-no-listings");

  const title = "Sunny loft by the river";
  const listingId = await createListingDraft(page, { title, propertyType: "Loft" });
  const steps = page.getByRole("navigation", { name: "Listing steps" });
  await expect(steps.getByRole("link", { name: "Basics (incomplete)" })).toBeVisible();
  await snap(page, "editor-new-draft");

  await fillBasics(page, "A bright loft over the river with a long table, big windows and a quiet bedroom.");
  await expect(steps.getByRole("link", { name: "Basics (complete)" })).toBeVisible();

  // Publishing a half-done draft: the API refuses and names each missing item, linked to its step.
  let step = await openStep(page, "Publish");
  await step.getByRole("button", { name: "Publish listing" }).click();
  const missing = step.getByRole("list", { name: "Missing for publishing" });
  await expect(missing).toBeVisible();
  await expect(missing).toContainText("Add the street address");
  await expect(missing).toContainText("Add at least 5 photos (0 so far)");
  await expect(missing).toContainText("Set a nightly price");
  await expect(missing).toContainText("Say how many beds there are");
  await expect(page.getByTestId("listing-status")).toHaveText("draft");
  await snap(page, "publish-refused");
  await missing.getByRole("listitem").filter({ hasText: "street address" }).getByRole("link").click();
  step = editorStep(page, "Location");
  await expect(step).toBeVisible();
  await expect(page).toHaveURL(/\?step=location$/);

  // Click-to-place: a click on the map drops the pin and fills in the coordinates.
  await step.getByTestId("location-map").click();
  await expect(step.getByLabel("Latitude")).toHaveValue(/^-?\d+(\.\d+)?$/);
  await expect(step.getByLabel("Longitude")).toHaveValue(/^-?\d+(\.\d+)?$/);
  await expect(step.locator(".host-map-pin")).toBeVisible();

  // A bad coordinate is caught before saving; nothing typed is lost.
  await step.getByLabel("Street address").fill("Rua da Rosa 12");
  await step.getByLabel("Latitude").fill("123");
  await step.getByLabel("Longitude").fill("-9.1393");
  await step.getByRole("button", { name: "Save location" }).click();
  await expect(step.getByLabel("Latitude")).toHaveAttribute("aria-invalid", "true");
  await expect(step.getByText("Must be between -90 and 90.")).toBeVisible();
  await expect(step.getByLabel("Street address")).toHaveValue("Rua da Rosa 12");
  await fillLocation(page, {
    street: "Rua da Rosa 12",
    city: "Lisbon",
    country: "PT",
    lat: 38.7139,
    lng: -9.1447,
    timezone: "Europe/Lisbon",
    postalCode: "1200-385",
  });
  await expect(editorStep(page, "Location").getByText("Portugal")).toBeVisible();
  await snap(page, "location-saved");

  await fillDetails(page, {
    guests: 4,
    bedrooms: 2,
    beds: 3,
    baths: 1.5,
    amenities: ["Wi-Fi", "Kitchen", "Balcony"],
    houseRules: "No parties or events.\nQuiet hours from 22:00.",
  });
  step = editorStep(page, "Details");
  await step.getByLabel("Another amenity").fill("Rooftop terrace");
  await step.getByRole("button", { name: "Add amenity" }).click();
  await expect(step.getByLabel("Rooftop terrace")).toBeChecked();
  await saveStep(step, "Details");

  // Photos: six good ones and three refused for their own reasons, each named beside its file.
  const photos = await generatePhotos(page, 6);
  const notAPhoto = { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") };
  const tooLarge = { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(11 * 1024 * 1024, 1) };
  const fake = { name: "fake.png", mimeType: "image/png", buffer: Buffer.from("this is text, not a PNG") };
  const gallery = await uploadPhotos(page, [...photos, notAPhoto, tooLarge, fake], 6);
  step = editorStep(page, "Photos");
  const uploads = step.getByRole("list", { name: "Uploads" });
  await expect(uploads.getByRole("listitem").filter({ hasText: "notes.txt" })).toContainText(
    "choose a JPEG, PNG or WebP image",
  );
  await expect(uploads.getByRole("listitem").filter({ hasText: "huge.jpg" })).toContainText("at most 10 MB");
  await expect(uploads.getByRole("listitem").filter({ hasText: "fake.png" })).toContainText(
    "not a PNG image",
  );
  expect(await sizesOf(gallery)).toEqual([320, 360, 400, 440, 480, 520].map(size));
  await expect(gallery.getByRole("listitem").first()).toContainText("Cover");
  await expect(gallery.getByRole("img", { name: "Photo 1" })).toHaveJSProperty("naturalWidth", 320);
  await snap(page, "photos-uploaded");

  // Reorder, choose the cover, delete: each answer from the API redraws the gallery.
  await gallery.getByRole("button", { name: "Move Photo 1 later" }).click();
  await expect.poll(() => sizesOf(gallery)).toEqual([360, 320, 400, 440, 480, 520].map(size));
  await gallery.getByRole("button", { name: "Make Photo 5 the cover" }).click();
  await expect.poll(() => sizesOf(gallery)).toEqual([480, 360, 320, 400, 440, 520].map(size));
  await gallery.getByRole("button", { name: "Delete Photo 6" }).click();
  await expect.poll(() => sizesOf(gallery)).toEqual([480, 360, 320, 400, 440].map(size));
  await expect(step.getByTestId("photo-count")).toHaveText("5 photos.");
  await uploads.getByRole("button", { name: "Dismiss notes.txt" }).click();
  await expect(uploads.getByRole("listitem")).toHaveCount(2);
  await expect(steps.getByRole("link", { name: "Photos (complete)" })).toBeVisible();
  await snap(page, "photos-arranged");

  // Pricing: the API's own rule (maximum below minimum) lands on its field; what was typed stays.
  step = await openStep(page, "Pricing");
  await step.getByLabel("Nightly price (EUR)").fill("95");
  await step.getByLabel("Weekend price (EUR)").fill("120.50");
  await step.getByLabel("Cleaning fee (EUR)").fill("30");
  await step.getByLabel("Weekly discount (%)").fill("10");
  await step.getByLabel("Monthly discount (%)").fill("25");
  await step.getByLabel("Minimum nights").fill("3");
  await step.getByLabel("Maximum nights").fill("2");
  await step.getByLabel("Notice before check-in (days)").fill("2");
  await step.getByLabel("Instant book").check();
  // A draft may take instant book; publishing it will need payouts, and the step says so.
  await expect(step.getByText("Publishing with instant book needs payouts")).toBeVisible();
  await step.getByRole("button", { name: "Save pricing" }).click();
  await expect(step.getByLabel("Maximum nights")).toHaveAttribute("aria-invalid", "true");
  await expect(step.getByText("Must be at least the minimum nights.")).toBeVisible();
  await expect(step.getByLabel("Nightly price (EUR)")).toHaveValue("95");
  await expect(step.getByLabel("Weekend price (EUR)")).toHaveValue("120.50");
  await snap(page, "pricing-error");
  await step.getByLabel("Maximum nights").fill("30");
  await saveStep(step, "Pricing");
  await expect(step.getByLabel("Notice before check-in (days)")).toHaveValue("2");

  // Nothing is missing, but instant book waits for payouts: no Publish button, the way to set them up.
  const editorUrl = page.url().replace(/\?.*$/, "");
  step = await openStep(page, "Publish");
  await expect(step.getByTestId("publish-needs-payouts")).toBeVisible();
  await expect(step.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await snap(page, "publish-needs-payouts");
  await step.getByRole("link", { name: "Set up payouts" }).click();
  await expect(page).toHaveURL(/\/host\/payouts/);
  await setUpPayouts(page);
  await page.goto(`${editorUrl}?step=publish`);

  // Publish, now that payouts are on.
  await publishListing(page);
  await expect(steps.getByRole("link", { name: "Publish (complete)" })).toBeVisible();
  await snap(page, "published");

  // Calendar: the month shows prices (weekend nights cost more); block three nights, price one.
  step = await openStep(page, "Calendar");
  await step.getByRole("button", { name: "Next month →" }).click();
  const first = nextMonthDay(10);
  const last = nextMonthDay(12);
  const day = (date: string) => step.locator(`[data-date="${date}"]`);
  await expect(day(first)).toHaveAttribute("data-status", "available");
  await expect(day(first)).toHaveAccessibleName(/€(95|120\.50)/);
  await day(first).click();
  await day(last).click();
  await expect(step.getByTestId("calendar-selection")).toContainText("(3 nights)");
  await step.getByLabel("Note (optional)").fill("Family visiting");
  await step.getByRole("button", { name: "Block these nights" }).click();
  await expect(step.getByText("Blocked. Guests cannot book those nights.")).toBeVisible();
  for (const date of [first, nextMonthDay(11), last])
    await expect(day(date)).toHaveAttribute("data-status", "blocked");
  await expect(day(nextMonthDay(13))).toHaveAttribute("data-status", "available");

  const special = nextMonthDay(20);
  await day(special).click();
  await expect(step.getByTestId("calendar-selection")).toContainText("(1 night)");
  await step.getByLabel("Price per night (EUR)").fill("150");
  await step.getByRole("button", { name: "Set price" }).click();
  await expect(day(special)).toHaveAccessibleName(/€150 \(custom price\)/);
  await snap(page, "calendar-blocked");

  // A run of nights is priced, and partly cleared, in one go.
  const [runFirst, runMiddle, runLast] = [nextMonthDay(15), nextMonthDay(16), nextMonthDay(17)];
  await day(runFirst).click();
  await day(runLast).click();
  await expect(step.getByTestId("calendar-selection")).toContainText("(3 nights)");
  await step.getByLabel("Price per night (EUR)").fill("130");
  await step.getByRole("button", { name: "Set price" }).click();
  await expect(step.getByText("Price set for 3 nights.")).toBeVisible();
  for (const date of [runFirst, runMiddle, runLast])
    await expect(day(date)).toHaveAccessibleName(/€130 \(custom price\)/);
  await day(runMiddle).click();
  await day(runLast).click();
  await step.getByRole("button", { name: "Clear price" }).click();
  await expect(step.getByText("Custom prices cleared.")).toBeVisible();
  for (const date of [runMiddle, runLast]) await expect(day(date)).not.toHaveAccessibleName(/custom price/);
  await expect(day(runFirst)).toHaveAccessibleName(/€130 \(custom price\)/);

  // Unblock again from inside the block.
  await day(nextMonthDay(11)).click();
  await step.getByRole("button", { name: "Unblock" }).click();
  await expect(day(first)).toHaveAttribute("data-status", "available");
  // And block them once more, so the listing leaves with a block.
  await day(first).click();
  await day(last).click();
  await step.getByRole("button", { name: "Block these nights" }).click();
  await expect(day(last)).toHaveAttribute("data-status", "blocked");

  // iCal: the export link to hand to other platforms, and an imported feed that can be removed
  // (which frees the nights it blocked).
  await expect(step.getByLabel("Export link (iCal)")).toHaveValue(
    new RegExp(`/ical/${listingId}/[A-Za-z0-9_-]+\\.ics$`),
  );
  await step.getByLabel("Calendar URL").fill("not a url");
  await step.getByRole("button", { name: "Import calendar" }).click();
  await expect(step.getByLabel("Calendar URL")).toHaveAttribute("aria-invalid", "true");
  // Another platform's feed, served from this test: its booking turns into blocked nights here.
  const feed = await serveIcalFeed([
    { uid: "stay-1@other.example", from: nextMonthDay(24), to: nextMonthDay(26) },
  ]);
  try {
    await step.getByLabel("Calendar URL").fill(feed.url);
    await step.getByRole("button", { name: "Import calendar" }).click();
    const feeds = step.getByRole("list", { name: "Imported calendars" });
    const row = feeds.getByRole("listitem").filter({ hasText: feed.url });
    await expect(row.getByTestId("feed-status")).toContainText("1 event", { timeout: 60_000 });
    await expect(day(nextMonthDay(24))).toHaveAttribute("data-status", "blocked");
    await expect(day(nextMonthDay(25))).toHaveAttribute("data-status", "blocked");
    await expect(day(nextMonthDay(26))).toHaveAttribute("data-status", "available");
    // The imported nights say where they come from, and that unblocking them here does not last.
    await expect(day(nextMonthDay(24))).toHaveAccessibleName(/Imported from 127\.0\.0\.1/);
    await day(nextMonthDay(24)).click();
    await expect(step.getByTestId("calendar-selection-blocks")).toHaveText(
      "Blocked: Imported from 127.0.0.1",
    );
    await expect(step.getByText(/Imported nights come back at their calendar’s next sync/)).toBeVisible();
    await snap(page, "calendar-ical");
    // Removing the feed asks first, then frees the nights it blocked.
    await feeds.getByRole("button", { name: `Remove ${feed.url}` }).click();
    await expect(row).toContainText("Every night it blocked here is freed");
    // The question takes the Remove button's place, so the keyboard lands on the safe answer.
    await expect(row.getByRole("button", { name: "Keep it" })).toBeFocused();
    await snap(page, "calendar-ical-remove");
    await row.getByRole("button", { name: "Remove and free its nights" }).click();
    await expect(step.getByText("Calendar removed and 1 block freed")).toBeVisible();
    await expect(step.getByText("No calendars imported yet.")).toBeVisible();
    await expect(day(nextMonthDay(24))).toHaveAttribute("data-status", "available");
  } finally {
    await feed.close();
  }

  // Reload on a step: the address keeps the step, the calendar keeps the block.
  await page.reload();
  await expect(editorStep(page, "Calendar")).toBeVisible();

  // The dashboard lists it, published, with its cover.
  await page.goto("/host/listings");
  const card = page.getByRole("list", { name: "Listings" }).getByRole("listitem").filter({ hasText: title });
  await expect(card).toContainText("Published");
  await expect(card).toContainText("€95 a night");
  await expect(card.locator("img")).toHaveJSProperty("naturalWidth", 480);
  await snap(page, "host-listings");
});
