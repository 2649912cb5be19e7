import { describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";

async function deliverDevMail(to: string, subject: string): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into dev_emails ("to", "from", subject, text, html) values ($1, 'HomeTrip <no-reply@hometrip.test>', $2, 'Open http://localhost:3000/verify-email?token=abc', '<p>hi</p>') returning id`,
    [to, subject],
  );
  return row!.id;
}

const api = createTestClient();

describe("devMailbox", () => {
  it("lists mails to one address, newest first, without the bodies", async () => {
    const to = `mailbox-${crypto.randomUUID()}@example.test`;
    await deliverDevMail(to, "first");
    await deliverDevMail(to, "second");
    const result = await settle(() => api.devMailbox.list.query({ to }));
    expect(result.status).toBe(200);
    expect(result.data.map((m) => m.subject)).toEqual(["second", "first"]);
    expect(result.data[0]).not.toHaveProperty("text");
  });

  it("lists the newest mails of everyone without a filter", async () => {
    await deliverDevMail(`mailbox-any-${crypto.randomUUID()}@example.test`, "anyone");
    const result = await settle(() => api.devMailbox.list.query());
    expect(result.status).toBe(200);
    expect(result.data.length).toBeGreaterThan(0);
  });

  it("opens one mail with its text and html", async () => {
    const to = `mailbox-get-${crypto.randomUUID()}@example.test`;
    const id = await deliverDevMail(to, "open me");
    const result = await settle(() => api.devMailbox.get.query({ id }));
    expect(result.data).toMatchObject({ id, to, subject: "open me", html: "<p>hi</p>" });
    expect(result.data.text).toContain("/verify-email?token=abc");
    expect((await settle(() => api.devMailbox.get.query({ id: crypto.randomUUID() }))).status).toBe(404);
  });

  it("does not exist in production", async () => {
    const to = `mailbox-prod-${crypto.randomUUID()}@example.test`;
    const id = await deliverDevMail(to, "secret link");
    const production = { APP_ENV: "production" };
    const list = await settle(() => createTestClient({}, production).devMailbox.list.query({ to }));
    expect(list.status).toBe(404);
    expect(list.error?.code).toBe("NOT_FOUND");
    expect((await settle(() => createTestClient({}, production).devMailbox.get.query({ id }))).status).toBe(
      404,
    );
    expect(
      (await settle(() => createTestClient({}, production).devMailbox.get.query({ id: "not-a-uuid" })))
        .status,
    ).toBe(404);
  });
});
