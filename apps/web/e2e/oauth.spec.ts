import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { snap } from "./screenshots.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

// `bun run dev` plays Google and GitHub with a local provider: its consent page takes any email.
test("sign in with GitHub through the local provider stand-in", async ({ page }) => {
  await page.goto("/login");
  const github = page.getByRole("link", { name: "Continue with GitHub" });
  test.skip((await github.count()) === 0, "no OAuth providers configured in this stack");
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
