import type { Page } from "@playwright/test";
import { signUpAndLogIn } from "./flows/host-listing.ts";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

/** The page is no wider than the window at phone width. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `${where} scrolls sideways`).toBeLessThanOrEqual(width);
}

/** Reads the code out of the newest text to `phone` on the dev SMS page, waiting for the workers. */
async function codeTextedTo(page: Page, phone: string): Promise<string> {
  let code = "";
  await expect(async () => {
    await page.goto("/dev/sms");
    const text = page
      .getByRole("listitem")
      .filter({ hasText: `to ${phone}` })
      .first();
    const body = await text.textContent({ timeout: 5_000 });
    const match = /your code is (\d{6})/.exec(body ?? "");
    expect(match, "the code text has arrived").not.toBeNull();
    code = match![1]!;
  }).toPass({ timeout: 120_000 });
  return code;
}

test("notification settings, verifying the SMS number, the bell after a password change, and the dev SMS page", async ({
  page,
}) => {
  // Sign-up, three pages compiled cold by `next dev` and a trip through the workers.
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const member = await signUpAndLogIn(page);

  await page.goto("/account/notifications");
  await expect(page.getByRole("heading", { name: "Notification settings" })).toBeVisible();
  const securityEmail = page.getByRole("checkbox", { name: "Account and security: E-mail" });
  await expect(securityEmail).toBeChecked();
  await expect(securityEmail).toBeDisabled();
  const tipsEmail = page.getByRole("checkbox", { name: "Tips and news: E-mail" });
  await expect(tipsEmail).not.toBeChecked();
  await tipsEmail.check();
  await expect(tipsEmail).toBeChecked();
  await page.getByLabel("Keep quiet at night").check();
  // A number of this run's own: the SMS stand-in keeps every text of the stack.
  const phone = `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  await page.getByLabel("Mobile number for SMS").fill(phone);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Tips and news: E-mail" })).toBeChecked();
  await expect(page.getByLabel("Mobile number for SMS")).toHaveValue(phone);
  // An unverified number gets no texts, and the page says so.
  await expect(page.getByText("No texts are sent until you verify your number below.")).toBeVisible();
  await expect(page.getByText(`We send no texts to ${phone} until you confirm it`)).toBeVisible();
  await snap(page, "notification-settings-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, "/account/notifications");
  await snap(page, "notification-settings-phone");

  // Verify the number at phone width: API → outbox → broker → workers → Twilio stand-in.
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText(`Code sent to ${phone}. It expires in 10 minutes.`)).toBeVisible();
  await expectNoSidewaysScroll(page, "/account/notifications after sending a code");
  const code = await codeTextedTo(page, phone);
  await page.goto("/account/notifications");
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await page.getByLabel("Code from the text").fill(wrong);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is wrong; 4 tries left.")).toBeVisible();
  await page.getByLabel("Code from the text").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  const verification = page.getByTestId("phone-verification");
  await expect(verification.getByText("Verified", { exact: true })).toBeVisible();
  await expect(verification).toContainText(`Texts go to ${phone}.`);
  await expect(page.getByText("No texts are sent until you verify")).toHaveCount(0);
  await expectNoSidewaysScroll(page, "/account/notifications verified");
  await snap(page, "notification-settings-verified-phone");

  // A password change is an account_security event: the workers store it in the app.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/account/security");
  await page.getByLabel("Current password").fill(member.password);
  await page.getByLabel("New password", { exact: true }).fill(`${member.password}-2`);
  await page.getByLabel("Repeat the new password").fill(`${member.password}-2`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed.")).toBeVisible();
  await page.goto("/notifications");
  // API → outbox → broker → workers → notifications row; the list is fetched on each load.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: "Your password was changed" })).toBeVisible({
      timeout: 15_000,
    });
  }).toPass({ timeout: 120_000 });
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Notifications, 1 unread");
  await snap(page, "notifications-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, "/notifications");
  await snap(page, "notifications-phone");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Notifications");

  // The code is the one text this member got: the password notice is e-mail and in-app only.
  await page.goto("/dev/sms");
  await expect(page.getByRole("heading", { name: "Dev SMS" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `to ${phone}` })).toHaveCount(1);
  await expectNoSidewaysScroll(page, "/dev/sms");
  await snap(page, "dev-sms-phone");
});
