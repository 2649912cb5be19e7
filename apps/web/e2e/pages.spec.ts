import type { Page } from "@playwright/test";
import {
  createListingDraft,
  editorStep,
  generatePhotos,
  signUpAsHost,
  uploadPhotos,
} from "./flows/host-listing.ts";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";

/**
 * The pages as a guest and a host see them (issue 12): real photos on the demo catalogue, images
 * that keep their shape, no sideways scroll on a phone, the home page, plain wording, and the
 * search page's map code left out until the map is shown. Also the README's screenshots.
 */
test.use({ baseURL: process.env.E2E_BASE_URL });

/** A page's first visit compiles it under `next dev`, slow on a busy machine. */
const firstVisit = { timeout: 90_000 };
const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 900 };
const anonymousRoutes = ["/", "/search", "/search?q=Lisbon", "/login", "/signup", "/forgot-password"];
const moreAnonymousRoutes = ["/reset-password", "/verify-email", "/this-page-does-not-exist"];

/** Every image that is drawn: loaded if the browser fetched it, and never squeezed into a strip. */
async function expectImagesInShape(page: Page, where: string) {
  const problems = await page.evaluate(() =>
    [...document.images].flatMap((img) => {
      const box = img.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return [];
      const out: string[] = [];
      if (img.complete && img.naturalWidth === 0) out.push(`${img.src} failed to load`);
      const ratio = box.height / box.width;
      if (ratio > 1.5 || ratio < 0.3)
        out.push(`${img.src} drawn ${Math.round(box.width)}×${Math.round(box.height)}`);
      return out;
    }),
  );
  expect(problems, where).toEqual([]);
}

/** The page is no wider than the window: nothing scrolls sideways (else, name what sticks out). */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const found = await page.evaluate(() => {
    const width = window.innerWidth;
    const outside = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(-3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { page: document.documentElement.scrollWidth, width, outside };
  });
  expect(
    found.page,
    `${where} is ${found.page} px wide in a ${found.width} px window: ${found.outside.join(", ")}`,
  ).toBeLessThanOrEqual(found.width);
}

/** Console errors and failed requests (a 404 favicon, a 401 from users.me) while `visit` runs. */
async function collectNoise(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const noise: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") noise.push(`console: ${m.text()}`);
  };
  const onResponse = (r: { status(): number; url(): string }) => {
    if (r.status() >= 400 && !r.url().includes("/this-page-does-not-exist"))
      noise.push(`${r.status()} ${r.url()}`);
  };
  page.on("console", onConsole);
  page.on("response", onResponse);
  try {
    await visit();
  } finally {
    page.off("console", onConsole);
    page.off("response", onResponse);
  }
  // The deliberate 404 page logs its own status; everything else must be silent.
  return noise.filter((n) => !/404 \(Not Found\)/.test(n) || !n.startsWith("console"));
}

async function firstSeededListing(page: Page): Promise<string> {
  await page.goto("/search?q=Lisbon");
  const link = page.getByRole("list", { name: "Homes" }).getByRole("link").first();
  await expect(link).toBeVisible(firstVisit);
  const href = await link.getAttribute("href");
  if (!href) throw new Error("a result without a link");
  return href;
}

test("the demo catalogue shows real photos, five or more per home, served like uploads", async ({ page }) => {
  await page.setViewportSize(desktop);
  await page.goto("/search?q=Lisbon");
  const covers = page.getByRole("list", { name: "Homes" }).locator("img");
  await expect(covers.first()).toBeVisible(firstVisit);
  await expect(page.getByText("No photo", { exact: true })).toHaveCount(0);
  for (const cover of (await covers.all()).slice(0, 6)) {
    await cover.scrollIntoViewIfNeeded();
    await expect(cover).toHaveAttribute("src", /^\/listing-photos\/[A-Za-z0-9_-]{32}$/);
    await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  await page.goto(await firstSeededListing(page));
  const first = page.getByRole("button", { name: /^Open photo 1 of \d+$/ });
  const label = (await first.getAttribute("aria-label")) ?? "";
  expect(Number(/of (\d+)/.exec(label)?.[1])).toBeGreaterThanOrEqual(5);
  await expect
    .poll(() => first.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expectImagesInShape(page, "listing page");
});

test("every page fits a phone: no sideways scroll from 360 to 414 px, images in shape", async ({ page }) => {
  const listing = await firstSeededListing(page);
  for (const width of [360, 390, 414]) {
    await page.setViewportSize({ width, height: 844 });
    for (const route of [...anonymousRoutes, ...moreAnonymousRoutes, listing]) {
      await page.goto(route);
      await page.waitForLoadState("networkidle");
      await expectNoSidewaysScroll(page, `${route} at ${width} px`);
      if (width === 390) await expectImagesInShape(page, `${route} at ${width} px`);
    }
  }
  // The header keeps to one band: the brand and the sign-in buttons share the top line.
  await page.setViewportSize(phone);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const brand = await nav.getByRole("link", { name: "HomeTrip" }).boundingBox();
  const signUp = await nav.getByRole("link", { name: "Sign up" }).boundingBox();
  expect(Math.abs((brand?.y ?? 0) - (signUp?.y ?? 999))).toBeLessThan(24);
});

test("search on a phone: the list first, a toggle to the map, whose code loads only then", async ({
  page,
}) => {
  await page.setViewportSize(phone);
  await page.goto("/search?q=Lisbon");
  const results = page.getByRole("list", { name: "Homes" });
  await expect(results).toBeVisible();
  await page.waitForLoadState("networkidle");
  await snap(page, "search-phone-list");
  expect(await page.evaluate(() => "L" in window)).toBe(false);
  await expect(page.locator(".leaflet-container")).toHaveCount(0);

  await page.getByRole("button", { name: "Show map" }).click();
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(results).toBeHidden();
  await expectNoSidewaysScroll(page, "search map at 390 px");
  await page.waitForLoadState("networkidle");
  await snap(page, "search-phone-map");

  await page.getByRole("button", { name: "Show list" }).click();
  await expect(results).toBeVisible();
  await expect(page.locator(".leaflet-container")).toHaveCount(0);

  // On a desktop both show side by side, and there is no toggle.
  await page.setViewportSize(desktop);
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(results).toBeVisible();
  await expect(page.getByRole("button", { name: /^Show (map|list)$/ })).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  await snap(page, "search-desktop");
});

test("the home page shows destinations, homes and the way to host; Search is in the menu", async ({
  page,
}) => {
  await page.setViewportSize(desktop);
  await page.goto("/");
  const destinations = page.getByRole("list", { name: "Destinations" }).getByRole("link");
  expect(await destinations.count()).toBeGreaterThanOrEqual(4);
  await expect(destinations.first()).toHaveText(/\d+ homes?/);
  await expect(destinations.first().locator("img")).toHaveAttribute("src", /^\/listing-photos\//);
  await expect(page.getByRole("list", { name: "Top-rated homes" }).getByRole("article")).not.toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Become a host" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start hosting" })).toHaveAttribute("href", "/signup");
  await page.getByRole("list", { name: "Top-rated homes" }).scrollIntoViewIfNeeded();
  await page.waitForLoadState("networkidle");
  await snap(page, "home-desktop");

  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await page.request.get(icon ?? "/favicon.ico")).status()).toBe(200);

  await destinations.first().click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search$/);

  await page.setViewportSize(phone);
  await page.goto("/");
  await snap(page, "home-phone");
});

test("a visitor's pages log nothing, and the sign-up form speaks plainly", async ({ page }) => {
  const listing = await firstSeededListing(page);
  const noise = await collectNoise(page, async () => {
    for (const route of [...anonymousRoutes, ...moreAnonymousRoutes, listing]) {
      await page.goto(route);
      await page.waitForLoadState("networkidle");
    }
  });
  expect(noise).toEqual([]);
  await snap(page, "listing");

  await page.goto("/signup");
  await page.getByLabel("Email").fill("someone@example.test");
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Name is required.")).toBeVisible();
  await expect(page.getByText(/\b1 characters\b|Too small|expected string/)).toHaveCount(0);
});

test("a new host's editor and account pages: photo thumbnails keep their shape", async ({ page }) => {
  await signUpAsHost(page);
  await createListingDraft(page, { title: "Quiet courtyard flat" });
  const photos = await generatePhotos(page, 3);
  const gallery = await uploadPhotos(page, photos, 3);
  for (const size of [desktop, phone]) {
    await page.setViewportSize(size);
    const thumb = await gallery.locator("img").first().boundingBox();
    expect(thumb?.height ?? 0).toBeLessThanOrEqual((thumb?.width ?? 0) * 0.8);
    await expectImagesInShape(page, `editor at ${size.width} px`);
    await expectNoSidewaysScroll(page, `editor at ${size.width} px`);
  }
  await page.setViewportSize(desktop);
  await expect(editorStep(page, "Photos")).toBeVisible();
  await snap(page, "editor-photos");

  for (const route of [
    "/account",
    "/account/security",
    "/host/listings",
    "/host/listings/new",
    "/become-host",
  ]) {
    for (const size of [phone, desktop]) {
      await page.setViewportSize(size);
      await page.goto(route);
      await page.waitForLoadState("networkidle");
      await expectNoSidewaysScroll(page, `${route} at ${size.width} px`);
      await expectImagesInShape(page, `${route} at ${size.width} px`);
    }
  }
  await page.goto("/account");
  await snap(page, "account");
});
