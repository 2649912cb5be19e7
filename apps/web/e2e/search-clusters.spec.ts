import { randomInt } from "node:crypto";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { mapPin, searchByCityAndDates } from "./flows/guest-search.ts";
import { snap } from "./screenshots.ts";
import { ApiClient, createPublishedListing } from "./search-fixtures.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

// A town of its own per run, inland and away from the demo cities: the search finds only these.
const tag = Array.from({ length: 5 }, () => String.fromCharCode(97 + randomInt(26))).join("");
const city = `Aldeola${tag}`;
const titles = Array.from({ length: 6 }, (_, i) => `Terrace flat ${tag} ${i + 1}`);

test("pins that would overlap show as one group with a count, and pressing it zooms in to them", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const api = new ApiClient(process.env.E2E_API_URL ?? "");
  await api.signUpAsHost("Rui Host");
  // Six homes ~170 m apart: a few pixels at the zoom that frames them, far apart a few zooms in.
  for (const [i, title] of titles.entries()) {
    await createPublishedListing(api, {
      title,
      city,
      lat: 38.6 + Math.floor(i / 3) * 0.0015,
      lng: -7.8 + (i % 3) * 0.002,
      propertyType: "apartment",
      nightlyPrice: 100 + i * 10,
      cleaningFee: 20,
      bedrooms: 1,
      amenities: ["wifi"],
    });
  }
  await searchByCityAndDates(page, { city, checkIn: utcDaysFromToday(20), checkOut: utcDaysFromToday(23) });
  await expect(page.getByRole("list", { name: "Homes" }).getByRole("listitem")).toHaveCount(6);

  const map = page.getByRole("region", { name: "Map of results" });
  const group = map.getByRole("button", { name: "6 homes here: zoom in" });
  await expect(group).toBeVisible();
  await expect(group).toHaveText("6");
  for (const title of titles) await expect(mapPin(page, title)).toHaveCount(0);

  // Pointing at a result card marks the group that holds its pin.
  await page.getByRole("list", { name: "Homes" }).getByRole("listitem").first().hover();
  await expect(group).toHaveClass(/pin-cluster--highlighted/);
  await snap(page, "search-pin-group");

  await group.click();
  for (const title of titles) await expect(mapPin(page, title)).toBeVisible();
  await expect(group).toHaveCount(0);
  await snap(page, "search-pin-group-zoomed");

  // A pin opens its card, and keeps it while the map zooms out again.
  await mapPin(page, titles[0]!).click();
  await expect(page.getByRole("region", { name: "Selected home" })).toContainText(titles[0]!);
  // …and marks that home's card in the list.
  const current = page.getByRole("list", { name: "Homes" }).locator('article[aria-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(titles[0]!);
  // The others group again around it as the map zooms out; the pressed pin is never in a group.
  // A click on "Zoom out" while the previous zoom still animates can be dropped on a busy machine,
  // so zoom out until the group shows (three steps are enough when none is dropped).
  const regrouped = map.getByRole("button", { name: /^\d homes here: zoom in$/ }).first();
  await expect(async () => {
    await map.getByRole("button", { name: "Zoom out" }).click();
    await expect(regrouped).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(mapPin(page, titles[0]!)).toHaveAttribute("aria-pressed", "true");
});
