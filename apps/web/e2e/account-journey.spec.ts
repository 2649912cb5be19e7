import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";
import { base32Decode, totp, totpStep } from "./totp.ts";

/** A log-in hashes a password (Argon2id, CPU-bound) and the first /account visit compiles the
 * page under `next dev`: on a loaded machine that has taken longer than the 20 s default. */
const afterLogIn = { timeout: 90_000 };

test.use({ baseURL: process.env.E2E_BASE_URL });

const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const member = {
  name: "Ada Traveller",
  email: `ada.${id}@example.test`,
  password: `violet-harbour-${id}-lantern`,
};

async function logIn(page: Page) {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** A code for a later 30 s step than `usedStep`: the API refuses a code twice (replay protection). */
async function freshCode(secret: Buffer, usedStep: number): Promise<string> {
  while (totpStep() <= usedStep) await new Promise((r) => setTimeout(r, 500));
  return totp(secret);
}

test("sign up, verify by mail, enrol two-step verification, log in with a TOTP code", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Homes for every trip");
  await snap(page, "home");

  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.getByRole("button", { name: "Sign up" }).click();
  // The API's field errors land on the fields they are about.
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Password must be at least 12 characters.")).toBeVisible();
  await snap(page, "signup-field-errors");
  await page.getByLabel("Your name").fill(member.name);
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await snap(page, "signup-done");

  // The verification mail goes API → outbox → broker → workers → dev mailbox; the page polls.
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(member.email)}`);
  const mail = page.getByRole("link", { name: "Confirm your email address" });
  await expect(mail).toBeVisible({ timeout: 60_000 });
  await snap(page, "mailbox");
  await mail.click();
  const verifyLink = page.getByRole("navigation", { name: "Links in this message" }).getByRole("link");
  await expect(verifyLink.first()).toHaveAttribute("href", /\/verify-email\?token=/);
  await snap(page, "verification-mail");
  await verifyLink.first().click();
  await expect(page).toHaveURL(/\/verify-email\?token=/);
  await expect(page.getByText("Email verified")).toBeVisible();
  // The link signs the new member in: no log-in right after signing up.
  await expect(page.getByText("you are signed in")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(member.name);
  await snap(page, "email-verified");

  // Followed again, the spent link says so once, in plain words.
  await page.reload();
  await expect(page.getByText("This link has already been used or has expired")).toBeVisible();
  await expect(page.getByText("If you confirmed your email with it before, you are all set.")).toBeVisible();

  await page.getByRole("link", { name: "Go to your account" }).click();
  await expect(page).toHaveURL(/\/account$/, afterLogIn);
  await expect(page.getByTestId("signed-in-as")).toHaveText(member.name);
  await expect(page.getByTestId("email-status")).toHaveText("Verified");
  await snap(page, "account");

  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Off");
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  const secretText = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secretText).toMatch(/^[A-Z2-7 ]{16,}$/);
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await snap(page, "two-factor-enrolment");
  const secret = base32Decode(secretText);
  const enrolStep = totpStep();
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await snap(page, "recovery-codes");
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");
  await snap(page, "security");

  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();

  await logIn(page);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  await snap(page, "login-two-factor");
  await page.getByLabel("Authentication code").fill(await freshCode(secret, enrolStep));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/, afterLogIn);
  await expect(page.getByTestId("signed-in-as")).toHaveText(member.name);
  await snap(page, "signed-in-with-totp");
});
