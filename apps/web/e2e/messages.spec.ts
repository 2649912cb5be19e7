import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { guestAsksHost } from "./flows/inquiry.ts";
import { snap } from "./screenshots.ts";
import { gradientPng } from "./search-fixtures.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

const tag = Array.from({ length: 6 }, () => String.fromCharCode(97 + randomInt(26))).join("");

const composer = (page: Page) => page.getByRole("textbox", { name: "Message" });

test("a guest and a host chat live: typing shows, receipts turn read, contact details are masked", async ({
  browser,
  page: hostPage,
}) => {
  test.setTimeout(480_000);
  // The host signs up in the browser (the listing is arranged through the API as that host); the
  // guest, in a second browser context, asks from the listing page.
  const title = `Courtyard flat ${tag}`;
  const { guest, guestContext } = await guestAsksHost(browser, hostPage, {
    title,
    city: `Ribeira${tag}`,
    lat: 41.14,
    lng: -8.61,
    nightlyPrice: 80,
  });
  await expect(guest.getByTestId("masking-note")).toBeVisible();
  await composer(guest).fill("Hello! Is the flat quiet? Mail me at gil.guest@gmail.com");
  await guest.getByRole("button", { name: "Send" }).click();
  const first = guest.getByTestId("message").last();
  await expect(first).toContainText("Mail me at [email hidden]");
  await expect(guest.getByText("Contact details hidden", { exact: true })).toBeVisible();
  await expect(first.getByTestId("receipt")).toHaveText(/Sent/);

  // The host's inbox shows the unread conversation with the listing; opening it reads it.
  await hostPage.goto("/messages");
  const row = hostPage.getByTestId("inbox-row").filter({ hasText: title });
  await expect(row.getByTestId("unread-badge")).toContainText("1");
  await snap(hostPage, "messages-inbox");
  await row.click();
  await expect(hostPage.getByTestId("message").last()).toContainText("[email hidden]");

  // The guest sees the receipt turn read, and the host online, without reloading.
  await expect(first.getByTestId("receipt")).toHaveText(/Read/);
  await expect(guest.getByTestId("presence")).toHaveText("Online");

  // Typing shows on the other side, then the message arrives live.
  await composer(hostPage).pressSequentially("Very quiet", { delay: 30 });
  await expect(guest.getByTestId("typing")).toHaveText(/Hana Host is typing/);
  await hostPage.getByRole("button", { name: "Send" }).click();
  await expect(guest.getByTestId("message").last()).toContainText("Very quiet");
  await expect(guest.getByTestId("typing")).not.toHaveText(/typing/, { timeout: 10_000 });
  await expect(hostPage.getByTestId("message").last().getByTestId("receipt")).toHaveText(/Read/);

  // An image: uploaded through the web origin, shown inline to both, fetched only by participants.
  await guest.getByLabel("Attach image").setInputFiles({
    name: "view.png",
    mimeType: "image/png",
    buffer: Buffer.from(gradientPng(320, 200, [90, 140, 190])),
  });
  await composer(guest).fill("The view from the street");
  await guest.getByRole("button", { name: "Send" }).click();
  const image = hostPage.getByTestId("message").last().getByRole("img", { name: "Attached" });
  await expect(image).toBeVisible();
  const src = (await image.getAttribute("src")) ?? "";
  expect((await hostPage.request.get(src)).status()).toBe(200);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), {
      timeout: 30_000,
    })
    .toBe(320);
  await snap(guest, "messages-thread-guest");

  // Phone-sized screens: no sideways scroll on the inbox or the thread.
  for (const page of [hostPage, guest]) {
    await page.setViewportSize({ width: 390, height: 844 });
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(scrolls).toBe(false);
  }
  await snap(guest, "messages-thread-phone");
  await hostPage.goto("/messages");
  await expect(hostPage.getByTestId("inbox-row").first()).toBeVisible();
  expect(await hostPage.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  await snap(hostPage, "messages-inbox-phone");
  await hostPage.setViewportSize({ width: 1366, height: 900 });
  await snap(hostPage, "messages-inbox-desktop");
  await guestContext.close();
});
