import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";

/**
 * The partner API reference loads with no network beyond this machine: every request to another
 * host is aborted and recorded, and none may be attempted. Swagger UI, its styles and the
 * document all come from the web app's origin (our own swagger-ui-dist, the API's /openapi.json).
 */
test.use({ baseURL: process.env.E2E_BASE_URL });

test("Swagger UI at /api-docs renders the partner API offline", async ({ page }) => {
  const outside: string[] = [];
  await page.route("**/*", (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]") return route.continue();
    outside.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  const failed: string[] = [];
  page.on("requestfailed", (request) => failed.push(request.url()));

  await page.goto("/api-docs", { timeout: 90_000 });
  await expect(page.locator(".swagger-ui .info .title")).toContainText("HomeTrip partner API", {
    timeout: 60_000,
  });
  for (const path of ["/v1/listings/search", "/v1/listings/{id}", "/v1/me/listings/{listingId}/calendar"]) {
    await expect(page.locator(`.opblock-summary-path[data-path="${path}"]`)).toBeVisible();
  }
  // An operation opens and shows its parameters (the UI's code ran, not just its markup).
  await page.locator('.opblock-summary-path[data-path="/v1/listings/{listingId}/quote"]').click();
  await expect(page.locator(".parameters").getByText("checkIn")).toBeVisible();

  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 900 });
  await snap(page, "api-docs-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "api-docs-phone");
});
