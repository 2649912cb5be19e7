import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Host-side journeys through the web app, shared by the host spec and the cross-app journey:
 * sign up and become a host, then create a listing through every editor step and publish it.
 * Every helper drives the UI as a person would (labels, buttons), never the API directly.
 */

export type Member = { name: string; email: string; password: string };
export type PhotoFile = { name: string; mimeType: string; buffer: Buffer };

const url = (baseUrl: string | undefined, path: string) =>
  baseUrl ? new URL(path, baseUrl).toString() : path;

export function newMember(name = "Hana Host"): Member {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const first = name.split(" ")[0]?.toLowerCase() ?? "host";
  return { name, email: `${first}.${id}@example.test`, password: `harbour-lantern-${id}-quill` };
}

/** Sign up and confirm the address from the dev mailbox, which signs the new member in. */
export async function signUpAndLogIn(
  page: Page,
  baseUrl?: string,
  member: Member = newMember(),
): Promise<Member> {
  await page.goto(url(baseUrl, "/signup"));
  await page.getByLabel("Your name").fill(member.name);
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // API → outbox → broker → workers → dev mailbox; the mailbox page polls.
  await page.goto(url(baseUrl, `/dev/mailbox?to=${encodeURIComponent(member.email)}`));
  const mail = page.getByRole("link", { name: "Confirm your email address" });
  await expect(mail).toBeVisible({ timeout: 60_000 });
  await mail.click();
  const verify = page.getByRole("navigation", { name: "Links in this message" }).getByRole("link").first();
  await expect(verify).toHaveAttribute("href", /\/verify-email\?token=/);
  await verify.click();
  await expect(page.getByText("Email verified")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(member.name);

  await page.goto(url(baseUrl, "/account"));
  await expect(page).toHaveURL(/\/account$/);
  return member;
}

/** From a signed-in member to a host, through /become-host. */
export async function becomeHost(page: Page, baseUrl?: string): Promise<void> {
  await page.goto(url(baseUrl, "/become-host"));
  await page.getByRole("button", { name: "Become a host" }).click();
  await expect(page.getByText("You are a host.")).toBeVisible();
}

/** A verified, signed-in host: the starting point of every host journey. */
export async function signUpAsHost(page: Page, baseUrl?: string, member?: Member): Promise<Member> {
  const signedUp = await signUpAndLogIn(page, baseUrl, member);
  await becomeHost(page, baseUrl);
  return signedUp;
}

/**
 * Small, valid, distinguishable photos drawn by the browser's own canvas: each a different
 * colour and width (so order can be read back from the sizes the editor shows), PNG and JPEG
 * alternating. Drawn in a scratch tab so the page under test is left alone.
 */
export async function generatePhotos(
  page: Page,
  count: number,
): Promise<(PhotoFile & { width: number; height: number })[]> {
  const scratch = await page.context().newPage();
  try {
    const drawn = await scratch.evaluate(async (n) => {
      const out: { type: string; base64: string; width: number; height: number }[] = [];
      for (let i = 0; i < n; i++) {
        const canvas = document.createElement("canvas");
        canvas.width = 320 + i * 40;
        canvas.height = 240;
        const ctx = canvas.getContext("2d");
        if (!ctx) throw new Error("no 2d canvas");
        ctx.fillStyle = `hsl(${(i * 67) % 360} 65% 55%)`;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.fillStyle = "rgba(255,255,255,0.85)";
        ctx.fillRect(24, 24, 96, 96);
        ctx.fillStyle = "#222";
        ctx.font = "bold 56px sans-serif";
        ctx.fillText(String(i + 1), 52, 92);
        const type = i % 2 === 0 ? "image/png" : "image/jpeg";
        const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.85));
        if (!blob) throw new Error("canvas gave no image");
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = "";
        for (const byte of bytes) binary += String.fromCharCode(byte);
        out.push({ type, base64: btoa(binary), width: canvas.width, height: canvas.height });
      }
      return out;
    }, count);
    return drawn.map((d, i) => ({
      name: `room-${i + 1}.${d.type === "image/png" ? "png" : "jpg"}`,
      mimeType: d.type,
      buffer: Buffer.from(d.base64, "base64"),
      width: d.width,
      height: d.height,
    }));
  } finally {
    await scratch.close();
  }
}

function photoFromPath(path: string): PhotoFile {
  const ext = extname(path).toLowerCase();
  const mimeType = ext === ".png" ? "image/png" : ext === ".webp" ? "image/webp" : "image/jpeg";
  return { name: basename(path), mimeType, buffer: readFileSync(path) };
}

/** The visible panel of the editor step (hidden steps stay mounted, so always look inside this). */
export function editorStep(page: Page, label: string): Locator {
  return page.getByRole("region", { name: label });
}

export async function openStep(page: Page, label: string): Promise<Locator> {
  await page.getByRole("navigation", { name: "Listing steps" }).getByRole("link", { name: label }).click();
  const step = editorStep(page, label);
  await expect(step).toBeVisible();
  return step;
}

export async function saveStep(step: Locator, label: string): Promise<void> {
  await step.getByRole("button", { name: `Save ${label.toLowerCase()}` }).click();
  await expect(step.getByText(`${label} saved.`)).toBeVisible();
}

/** /host/listings/new → the editor of the new draft; returns its id. */
export async function createListingDraft(
  page: Page,
  opts: { title: string; propertyType?: string },
  baseUrl?: string,
): Promise<string> {
  await page.goto(url(baseUrl, "/host/listings/new"));
  await page.getByLabel("Title").fill(opts.title);
  await page.getByLabel("Property type").selectOption({ label: opts.propertyType ?? "Apartment" });
  await page.getByRole("button", { name: "Create listing" }).click();
  // The editor's first visit compiles it under `next dev`: allow for that.
  await expect(page).toHaveURL(/\/host\/listings\/[0-9a-f-]{36}\?step=basics$/, { timeout: 90_000 });
  await expect(editorStep(page, "Basics")).toBeVisible();
  const id = /\/host\/listings\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no listing id in ${page.url()}`);
  return id;
}

export async function fillBasics(page: Page, description: string): Promise<void> {
  const step = await openStep(page, "Basics");
  await step.getByLabel("Description").fill(description);
  await saveStep(step, "Basics");
}

export type Address = {
  street: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  timezone: string;
  postalCode?: string;
};

export async function fillLocation(page: Page, address: Address): Promise<void> {
  const step = await openStep(page, "Location");
  await step.getByLabel("Street address").fill(address.street);
  await step.getByLabel("City").fill(address.city);
  if (address.postalCode) await step.getByLabel("Postal code (optional)").fill(address.postalCode);
  await step.getByLabel("Country code").fill(address.country);
  await step.getByLabel("Latitude").fill(String(address.lat));
  await step.getByLabel("Longitude").fill(String(address.lng));
  await step.getByLabel("Time zone").fill(address.timezone);
  await saveStep(step, "Location");
}

export async function fillDetails(
  page: Page,
  opts: {
    guests: number;
    bedrooms: number;
    beds: number;
    baths: number;
    amenities: string[];
    houseRules?: string;
  },
): Promise<void> {
  const step = await openStep(page, "Details");
  await step.getByLabel("Guests").fill(String(opts.guests));
  await step.getByLabel("Bedrooms").fill(String(opts.bedrooms));
  await step.getByLabel("Beds", { exact: true }).fill(String(opts.beds));
  await step.getByLabel("Bathrooms").fill(String(opts.baths));
  for (const amenity of opts.amenities) await step.getByLabel(amenity, { exact: true }).check();
  if (opts.houseRules) await step.getByLabel("House rules").fill(opts.houseRules);
  await saveStep(step, "Details");
}

/** Picks the files in one go and waits until every valid one is in the gallery. */
export async function uploadPhotos(page: Page, photos: PhotoFile[], expectedTotal: number): Promise<Locator> {
  const step = await openStep(page, "Photos");
  await step
    .getByLabel("Add photos")
    .setInputFiles(photos.map(({ name, mimeType, buffer }) => ({ name, mimeType, buffer })));
  const gallery = step.getByRole("list", { name: "Photos" });
  await expect(gallery.getByRole("listitem")).toHaveCount(expectedTotal, { timeout: 60_000 });
  return gallery;
}

export async function fillPricing(
  page: Page,
  opts: { nightly: number; currency?: string; cleaningFee?: number; minNights?: number; maxNights?: number },
): Promise<void> {
  const step = await openStep(page, "Pricing");
  if (opts.currency) await step.getByLabel("Currency").fill(opts.currency);
  await step.getByLabel(/^Nightly price/).fill(String(opts.nightly));
  if (opts.cleaningFee !== undefined) await step.getByLabel(/^Cleaning fee/).fill(String(opts.cleaningFee));
  if (opts.minNights !== undefined) await step.getByLabel("Minimum nights").fill(String(opts.minNights));
  if (opts.maxNights !== undefined) await step.getByLabel("Maximum nights").fill(String(opts.maxNights));
  await saveStep(step, "Pricing");
}

export async function publishListing(page: Page): Promise<void> {
  const step = await openStep(page, "Publish");
  await step.getByRole("button", { name: /^Publish (listing|again)$/ }).click();
  await expect(step.getByText("Your listing is live")).toBeVisible();
  await expect(page.getByTestId("listing-status")).toHaveText("published");
}

/**
 * The whole host journey for one listing, for a page already signed in as a host: create, fill
 * every required step, upload the photos and publish. `photos` are file paths, ready files, or
 * "generated" for five canvas-drawn ones. Money is in major units, as a host types it.
 */
export async function createAndPublishListing(
  page: Page,
  opts: {
    title: string;
    city: string;
    country: string;
    lat: number;
    lng: number;
    nightlyPrice: number;
    photos: readonly string[] | readonly PhotoFile[] | "generated";
    street?: string;
    timezone?: string;
    description?: string;
    guests?: number;
    currency?: string;
    baseUrl?: string;
  },
): Promise<{ listingId: string }> {
  const listingId = await createListingDraft(page, { title: opts.title }, opts.baseUrl);
  await fillBasics(
    page,
    opts.description ?? `A bright, quiet home in ${opts.city}, close to cafés and the old town.`,
  );
  await fillLocation(page, {
    street: opts.street ?? "1 Harbour Street",
    city: opts.city,
    country: opts.country,
    lat: opts.lat,
    lng: opts.lng,
    timezone: opts.timezone ?? "UTC",
  });
  await fillDetails(page, {
    guests: opts.guests ?? 4,
    bedrooms: 2,
    beds: 2,
    baths: 1,
    amenities: ["Wi-Fi", "Kitchen"],
  });
  const photos =
    opts.photos === "generated"
      ? await generatePhotos(page, 5)
      : opts.photos.map((p) => (typeof p === "string" ? photoFromPath(p) : p));
  await uploadPhotos(page, photos, photos.length);
  await fillPricing(page, { nightly: opts.nightlyPrice, currency: opts.currency });
  await publishListing(page);
  return { listingId };
}
