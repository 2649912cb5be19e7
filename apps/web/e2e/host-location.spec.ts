import { createListingDraft, editorStep, openStep, saveStep, signUpAsHost } from "./flows/host-listing.ts";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

test("a host finds the address instead of typing coordinates, and the zone follows the position", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signUpAsHost(page);
  await createListingDraft(page, { title: "Tiled flat above the tram line" });
  const step = await openStep(page, "Location");
  const save = () => step.getByRole("button", { name: "Save location" }).click();

  // Nothing saved without a city: the step says why, not "Location saved.".
  await step.getByLabel("Street address").fill("Rua de São Miguel 5");
  await save();
  await expect(step.getByText("Enter the city, or find the address above.")).toBeVisible();
  await expect(step.getByText("Location saved.")).toHaveCount(0);

  // An unknown place says so; a known neighbourhood fills city, region, country, position and zone.
  const search = step.getByLabel("Address search");
  await search.fill("Reykjavik");
  await search.press("Enter");
  await expect(step.getByRole("status")).toContainText("No place found for “Reykjavik”");
  await search.fill("alfama");
  await search.press("Enter");
  const places = step.getByRole("list", { name: "Places found" });
  await places.getByRole("button", { name: /^Alfama, Lisbon, Lisboa, Portugal/ }).click();
  await expect(step.getByLabel("City")).toHaveValue("Lisbon");
  await expect(step.getByLabel("Region (optional)")).toHaveValue("Lisboa");
  await expect(step.getByLabel("Country code")).toHaveValue("PT");
  await expect(step.getByLabel("Latitude")).toHaveValue("38.7115");
  await expect(step.getByLabel("Longitude")).toHaveValue("-9.1305");
  await expect(step.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");
  await expect(step.getByLabel("Street address")).toHaveValue("Rua de São Miguel 5");
  await expect(step.locator(".host-map-pin")).toBeVisible();
  await snap(page, "location-found");
  await saveStep(step, "Location");

  // Saved for real: a fresh load shows the same place and zone.
  await page.reload();
  const reloaded = editorStep(page, "Location");
  await expect(reloaded.getByLabel("City")).toHaveValue("Lisbon");
  await expect(reloaded.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");

  // A typo still finds the city; moving the pin by hand far away takes that place's zone on save.
  await search.fill("Kyto");
  await search.press("Enter");
  await expect(places.getByRole("button").first()).toContainText("Kyoto, Kyoto Prefecture, Japan");
  await reloaded.getByLabel("Latitude").fill("-33.8688");
  await reloaded.getByLabel("Longitude").fill("151.2093");
  await reloaded.getByLabel("City").fill("Sydney");
  await reloaded.getByLabel("Region (optional)").fill("New South Wales");
  await reloaded.getByLabel("Country code").fill("AU");
  await saveStep(reloaded, "Location");
  await expect(reloaded.getByLabel("Time zone")).toHaveValue("Australia/Sydney");
  await snap(page, "location-zone-from-position");

  // On a phone the search field, its button and the places found stay usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await search.fill("Gion");
  await search.press("Enter");
  await expect(places.getByRole("button").first()).toContainText("Gion, Kyoto");
  // The search keeps inside its own box (the editor's page width is the page layout's business).
  const box = await step.getByRole("group", { name: "Find the address" }).boundingBox();
  const button = await step.getByRole("button", { name: "Search", exact: true }).boundingBox();
  const first = await places.getByRole("button").first().boundingBox();
  const right = (b: { x: number; width: number } | null) => (b ? b.x + b.width : Number.POSITIVE_INFINITY);
  expect(right(button)).toBeLessThanOrEqual(right(box));
  expect(right(first)).toBeLessThanOrEqual(right(box));
  await snap(page, "location-search-phone");
});
