import { randomUUID } from "node:crypto";
import { type Database, devEmails } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailTransport, getDevEmail, listDevEmails } from "../src/index.ts";

let database: TunnelledDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_mailbox" });
  db = database.db;
});
afterAll(() => database?.close());

const transport = createEmailTransport({ kind: "dev", from: "HomeTrip <no-reply@hometrip.test>" });
const mail = (to: string, eventId?: string) => ({
  to,
  subject: `Hello ${to}`,
  text: "text body",
  html: "<p>html body</p>",
  ...(eventId && { eventId }),
});

describe("dev mailbox sender", () => {
  it("stores the mail with the sender address and lower-cased recipient", async () => {
    const { id } = await transport(db).send(mail("Ada@Example.test"));
    expect(await getDevEmail(db, id)).toMatchObject({
      to: "ada@example.test",
      from: "HomeTrip <no-reply@hometrip.test>",
      subject: "Hello Ada@Example.test",
      text: "text body",
      html: "<p>html body</p>",
    });
  });

  it("stores one mail per event, answering a repeat with the first id", async () => {
    const eventId = randomUUID();
    const first = await transport(db).send(mail("repeat@example.test", eventId));
    const second = await transport(db).send({ ...mail("repeat@example.test", eventId), subject: "changed" });
    expect(second).toEqual(first);
    const rows = await db.select().from(devEmails).where(eq(devEmails.eventId, eventId));
    expect(rows.map((r) => r.subject)).toEqual(["Hello repeat@example.test"]);
  });

  it("writes through the caller's transaction, so a rollback leaves no mail", async () => {
    const eventId = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await transport(tx).send(mail("rolled@example.test", eventId));
        throw new Error("handler failed after sending");
      }),
    ).rejects.toThrow("handler failed");
    expect(await db.select().from(devEmails).where(eq(devEmails.eventId, eventId))).toEqual([]);
  });

  it("lists newest first and filters by recipient", async () => {
    const to = `list-${randomUUID()}@example.test`;
    await transport(db).send({ ...mail(to), subject: "first" });
    await transport(db).send({ ...mail(to), subject: "second" });
    const listed = await listDevEmails(db, { to: to.toUpperCase() });
    expect(listed.map((m) => m.subject)).toEqual(["second", "first"]);
    expect(listed[0]).not.toHaveProperty("text");
    expect((await listDevEmails(db)).length).toBeGreaterThanOrEqual(2);
  });

  it("answers null for an unknown id", async () => {
    expect(await getDevEmail(db, randomUUID())).toBeNull();
  });
});
