import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { guestAsksHost } from "./flows/inquiry.ts";
import { snap } from "./screenshots.ts";
import { expect, test } from "./test.ts";

test.use({ baseURL: process.env.E2E_BASE_URL });

const tag = Array.from({ length: 6 }, () => String.fromCharCode(97 + randomInt(26))).join("");
const composer = (page: Page) => page.getByRole("textbox", { name: "Message" });

test("an away host receives the e-mail; a message the host read live in the thread is not e-mailed", async ({
  browser,
  page: hostPage,
}) => {
  test.setTimeout(480_000);
  const title = `Garden studio ${tag}`;
  const { host, guest, guestContext } = await guestAsksHost(browser, hostPage, {
    title,
    city: `Alfama${tag}`,
    lat: 38.71,
    lng: -9.13,
    nightlyPrice: 70,
  });
  const thread = new URL(guest.url()).pathname;

  // The host has the thread open (the guest shows as online there, so the host's socket is in the
  // room): the message arrives live and is read there, so it is not e-mailed.
  await hostPage.goto(thread);
  await expect(hostPage.getByTestId("presence")).toHaveText("Online");
  const readLive = `Is there a cot for a baby? ${tag}`;
  await composer(guest).fill(readLive);
  await guest.getByRole("button", { name: "Send" }).click();
  await expect(hostPage.getByTestId("message").last()).toContainText(readLive);
  await expect(guest.getByTestId("message").last().getByTestId("receipt")).toHaveText(/Read/);

  // The host closes the tab: nothing of theirs is connected any more.
  await hostPage.close();
  await expect(guest.getByTestId("presence")).not.toHaveText("Online", { timeout: 60_000 });
  const whileAway = `Can we check in at noon on Friday? ${tag}`;
  await composer(guest).fill(whileAway);
  await guest.getByRole("button", { name: "Send" }).click();
  await expect(guest.getByTestId("message").last()).toContainText(whileAway);

  // The away delay later (20 s in the e2e stack, global-setup.ts) the workers mail it: API → outbox
  // → broker → workers (a delivery row and a delayed wake-up of the delivery job) → dev mailbox.
  const mailbox = await guestContext.newPage();
  await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(host.email)}`);
  const mails = mailbox.getByRole("link", { name: /new messages? from Gil Guest/i });
  await expect(mails.first()).toBeVisible({ timeout: 90_000 });
  // The message read live was due first, so had it been going to leave it would have gone by now,
  // alone or in this mail. Only the message sent while away is mailed.
  await expect(mails).toHaveCount(1);
  await expect(mails).toHaveText("New message from Gil Guest");
  await mails.click();
  await expect(mailbox.getByRole("heading", { name: "New message from Gil Guest" })).toBeVisible();
  const body = mailbox.locator("pre");
  await expect(body).toContainText(whileAway);
  await expect(body).not.toContainText(readLive);
  await expect(mailbox.getByText("List-Unsubscribe-Post")).toBeVisible();
  const links = mailbox.getByRole("navigation", { name: "Links in this message" }).getByRole("link");
  const conversationLink = links.filter({ hasText: thread });
  await expect(conversationLink).toHaveCount(1);
  const conversationUrl = (await conversationLink.getAttribute("href")) ?? "";
  const unsubscribe = links.filter({ hasText: "/notifications/unsubscribe?token=" });
  await expect(unsubscribe).toHaveCount(1);
  await snap(mailbox, "away-message-mail");

  // The unsubscribe link opens the API's confirmation page (a GET never unsubscribes anyone).
  const unsubscribeUrl = (await unsubscribe.getAttribute("href")) ?? "";
  await mailbox.goto(unsubscribeUrl);
  await expect(mailbox.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(mailbox.getByText("Stop e-mails about")).toBeVisible();
  await expect(mailbox.getByRole("button", { name: "Unsubscribe" })).toBeVisible();

  // The mail's link opens the conversation for its recipient.
  const hostAgain = await hostPage.context().newPage();
  await hostAgain.goto(conversationUrl);
  await expect(hostAgain.getByTestId("message").last()).toContainText(whileAway);
  await guestContext.close();
});
