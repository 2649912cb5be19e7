import { describe, expect, it } from "vitest";
import { sqlRows, trpcGet } from "./users-support.ts";

type Summary = { id: string; to: string; from: string; subject: string; createdAt: string };

async function deliverDevMail(to: string, subject: string): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    `insert into dev_emails ("to", "from", subject, text, html) values ($1, 'HomeTrip <no-reply@hometrip.test>', $2, 'Open http://localhost:3000/verify-email?token=abc', '<p>hi</p>') returning id`,
    [to, subject],
  );
  return row!.id;
}

describe("devMailbox", () => {
  it("lists mails to one address, newest first, without the bodies", async () => {
    const to = `mailbox-${crypto.randomUUID()}@example.test`;
    await deliverDevMail(to, "first");
    await deliverDevMail(to, "second");
    const result = await trpcGet<Summary[]>("devMailbox.list", { to });
    expect(result.status).toBe(200);
    expect(result.data.map((m) => m.subject)).toEqual(["second", "first"]);
    expect(result.data[0]).not.toHaveProperty("text");
  });

  it("lists the newest mails of everyone without a filter", async () => {
    await deliverDevMail(`mailbox-any-${crypto.randomUUID()}@example.test`, "anyone");
    const result = await trpcGet<Summary[]>("devMailbox.list");
    expect(result.status).toBe(200);
    expect(result.data.length).toBeGreaterThan(0);
  });

  it("opens one mail with its text and html", async () => {
    const to = `mailbox-get-${crypto.randomUUID()}@example.test`;
    const id = await deliverDevMail(to, "open me");
    const result = await trpcGet<Summary & { text: string; html: string }>("devMailbox.get", { id });
    expect(result.data).toMatchObject({ id, to, subject: "open me", html: "<p>hi</p>" });
    expect(result.data.text).toContain("/verify-email?token=abc");
    expect((await trpcGet("devMailbox.get", { id: crypto.randomUUID() })).status).toBe(404);
  });

  it("does not exist in production", async () => {
    const to = `mailbox-prod-${crypto.randomUUID()}@example.test`;
    const id = await deliverDevMail(to, "secret link");
    const production = { APP_ENV: "production" };
    const list = await trpcGet("devMailbox.list", { to }, {}, production);
    expect(list.status).toBe(404);
    expect(list.error?.data.code).toBe("NOT_FOUND");
    expect((await trpcGet("devMailbox.get", { id }, {}, production)).status).toBe(404);
    expect((await trpcGet("devMailbox.get", { id: "not-a-uuid" }, {}, production)).status).toBe(404);
  });
});
