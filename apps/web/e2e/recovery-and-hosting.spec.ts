import { randomBytes } from "node:crypto";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";

/** A log-in hashes a password (Argon2id, CPU-bound) and the first /account visit compiles the
 * page under `next dev`: on a loaded machine that has taken longer than the 20 s default. */
const afterLogIn = { timeout: 90_000 };

test.use({ baseURL: process.env.E2E_BASE_URL });

const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const member = {
  name: "Bo Host",
  email: `bo.${id}@example.test`,
  password: `copper-meadow-${id}-kettle`,
  newPassword: `amber-glacier-${id}-violin`,
};

const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("password reset by mail, profile and photo, becoming a host, an API key", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(member.name);
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(member.email);
  await snap(page, "forgot-password");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account uses that address")).toBeVisible();

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(member.email)}`);
  const mail = page.getByRole("link", { name: "Reset your HomeTrip password" });
  await expect(mail).toBeVisible({ timeout: 60_000 });
  await mail.click();
  const resetLink = page.getByRole("navigation", { name: "Links in this message" }).getByRole("link").first();
  await expect(resetLink).toHaveAttribute("href", /\/reset-password\?token=/);
  await resetLink.click();
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(member.newPassword);
  await page.getByLabel("Repeat the new password").fill(`${member.newPassword}x`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await snap(page, "reset-password");
  await page.getByLabel("Repeat the new password").fill(member.newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator(".alert--error")).toBeVisible();
  await snap(page, "login-old-password-refused");
  await page.getByLabel("Password").fill(member.newPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/account$/, afterLogIn);

  // Profile: the API's field errors land on the field, then a valid profile and a photo save.
  await page.getByLabel("Phone").fill("12345");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Phone must be an international number")).toBeVisible();
  await page.getByLabel("Phone").fill("+49 30 1234567");
  await page.getByLabel("Languages you speak").fill("en, fr");
  await page.getByLabel("About you").fill("I host a flat by the canal.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
  await page
    .getByLabel("Upload photo")
    .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: onePixelPng });
  await expect(page.getByText("Your photo is updated.")).toBeVisible();
  const photo = page.getByRole("img", { name: member.name });
  await expect(photo).toBeVisible();
  // Sized by its attributes, the <img> is visible before it has loaded; under `next dev` the first
  // /avatars request also compiles that route handler.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await snap(page, "profile-saved");

  await page.getByRole("link", { name: "Become a host" }).first().click();
  await expect(page.getByRole("heading", { name: "Host on HomeTrip" })).toBeVisible();
  await snap(page, "become-host");
  await page.getByRole("button", { name: "Become a host" }).click();
  await expect(page.getByText("You are a host.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your listings" })).toHaveAttribute(
    "href",
    "/host/listings",
  );
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Become a host" }),
  ).toHaveCount(0);
  await snap(page, "host");

  await page.goto("/account/security");
  await expect(page.getByText("You have no API keys.")).toBeVisible();
  // The short-lived access cookie expiring under an open page: the client refreshes and carries on.
  await page.context().clearCookies({ name: "ht_access" });
  await page.getByLabel("Name").fill("Channel manager");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(/^htk_/);
  const keys = page.getByRole("list", { name: "API keys" });
  await expect(keys.getByRole("listitem")).toHaveCount(1);
  await snap(page, "api-key-created");
  await keys.getByRole("button", { name: "Revoke Channel manager" }).click();
  await expect(page.getByText("You have no API keys.")).toBeVisible();

  // And on a page load the server side (src/proxy.ts) rotates before rendering.
  await page.context().clearCookies({ name: "ht_access" });
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(member.name);

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await snap(page, "not-found");
});
