import { randomBytes } from "node:crypto";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";
import { base32Decode, totp, totpStep } from "./totp.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

// `bun run dev` plays Google and GitHub with a local provider: its consent page takes any email.
test("sign in with GitHub through the local provider stand-in", async ({ page }) => {
  await page.goto("/login");
  const github = page.getByRole("link", { name: "Continue with GitHub" });
  // The dev stack always configures the providers; a missing link is the failure this test exists for.
  await expect(github, "the login page offers GitHub sign-in").toBeVisible();
  await github.click();

  const email = `oauth.${Date.now().toString(36)}${randomBytes(3).toString("hex")}@example.test`;
  await page.getByLabel("Email").fill(email);
  await snap(page, "oauth-provider");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByTestId("email-status")).toHaveText("Verified");
  await snap(page, "oauth-signed-in");
});

// With two-step verification on, an OAuth sign-in stops at the second step before any cookie is set.
test("an OAuth sign-in asks for the second step when two-step verification is on", async ({ page }) => {
  await page.goto("/login");
  const github = page.getByRole("link", { name: "Continue with GitHub" });
  // The dev stack always configures the providers; a missing link is the failure this test exists for.
  await expect(github, "the login page offers GitHub sign-in").toBeVisible();
  const email = `oauth2fa.${Date.now().toString(36)}${randomBytes(3).toString("hex")}@example.test`;
  await github.click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole("link", { name: "Security" }).click();
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  const secret = base32Decode((await page.getByTestId("totp-secret").textContent())?.trim() ?? "");
  const enrolStep = totpStep();
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();

  await page.goto("/login");
  await page.getByRole("link", { name: "Continue with GitHub" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  // The challenge is taken out of the address bar once the page has read it.
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await snap(page, "oauth-two-factor");
  while (totpStep() <= enrolStep) await new Promise((r) => setTimeout(r, 500));
  await page.getByLabel("Authentication code").fill(totp(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
});

test("a failed OAuth sign-in explains itself on the log-in page", async ({ page }) => {
  await page.goto("/login?error=oauth_denied");
  // Next.js keeps an empty route announcer with role=alert on every page; look for ours by its text.
  const alert = page.getByRole("alert").filter({ hasText: "Sign-in was cancelled at the provider." });
  await expect(alert).toBeVisible();
  await expect(alert).toHaveClass(/alert--error/);
});
