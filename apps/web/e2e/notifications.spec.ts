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

test("notification settings, the bell after a password change, and the dev SMS page", async ({ page }) => {
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
  await page.getByLabel("Mobile number for SMS").fill("+14155550123");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Tips and news: E-mail" })).toBeChecked();
  await expect(page.getByLabel("Mobile number for SMS")).toHaveValue("+14155550123");
  await snap(page, "notification-settings-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, "/account/notifications");
  await snap(page, "notification-settings-phone");

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

  await page.goto("/dev/sms");
  await expect(page.getByRole("heading", { name: "Dev SMS" })).toBeVisible();
  await expect(page.getByText("No texts yet")).toBeVisible();
  await expectNoSidewaysScroll(page, "/dev/sms");
  await snap(page, "dev-sms-phone");
});
