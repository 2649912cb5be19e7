import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

const api = process.env.E2E_API_URL ?? "";
const admin = { email: "admin@hometrip.test", password: `ops-dashboard-${Date.now().toString(36)}-lantern` };
const root = fileURLToPath(new URL("../../../", import.meta.url));

async function trpc<T>(path: string, input?: unknown, method: "GET" | "POST" = "GET"): Promise<T> {
  const url = `${api}/trpc/${path}${method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ""}`;
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    ...(method === "POST" ? { body: JSON.stringify(input) } : {}),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** The seeded admin has no usable password: set one the way a person would, by the reset mail. */
async function adminPassword() {
  await trpc("auth.requestPasswordReset", { email: admin.email }, "POST");
  let token: string | undefined;
  for (let i = 0; i < 60 && !token; i++) {
    const mails = await trpc<{ id: string; subject: string }[]>("devMailbox.list", { to: admin.email });
    for (const mail of mails) {
      const full = await trpc<{ text: string }>("devMailbox.get", { id: mail.id });
      token = /reset-password\?token=([\w-]+)/.exec(full.text)?.[1];
      if (token) break;
    }
    if (!token) await new Promise((r) => setTimeout(r, 1000));
  }
  if (!token) throw new Error("no reset mail for the demo admin");
  await trpc("auth.resetPassword", { token, newPassword: admin.password }, "POST");
}

function replayTraffic(seconds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.env.BUN_BINARY ?? "bun",
      ["edge/api/scripts/ops-traffic.ts", "--api", api, "--seconds", String(seconds), "--rps", "8"],
      { cwd: root, stdio: "inherit" },
    );
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`ops:traffic exited with ${code}`)),
    );
  });
}

test("an admin sees live per-region charts after ops:traffic", async ({ page }) => {
  await adminPassword();
  await replayTraffic(40);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 90_000 });

  await page.goto("/admin/ops");
  await expect(page.getByRole("heading", { name: "Operations" })).toBeVisible();
  // Rollups are flushed by each isolate every METRICS_FLUSH_SECONDS; the page polls.
  const regions = page.getByRole("table", { name: "Calls by region" });
  await expect(regions.getByRole("rowheader", { name: /EU/ })).toBeVisible({ timeout: 60_000 });
  await expect(regions.getByRole("rowheader", { name: /NA/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Colos" }).getByText("LIS")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Calls by procedure" }).getByText("listings.get"),
  ).toBeVisible();
  await expect(page.locator(".ops-chart canvas").first()).toBeVisible();
  await expect(page.getByText("Outbox backlog", { exact: true })).toBeVisible();
  await snap(page, "ops-dashboard-1366");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  await snap(page, "ops-dashboard-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A member who is not an admin gets the page's 404.
  const anonymous = await page.context().browser()!.newPage();
  const answer = await anonymous.goto(`${process.env.E2E_BASE_URL}/admin/ops`);
  await expect(anonymous).toHaveURL(/\/login/);
  expect(answer?.ok()).toBe(true);
});
