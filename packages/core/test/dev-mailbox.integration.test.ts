import { randomUUID } from "node:crypto";
import { createDb, type Database, devEmails } from "@hometrip/db";
import { startNeonTunnel } from "@hometrip/devstack";
import { createTestDatabase, type TestDatabase } from "@hometrip/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailTransport, getDevEmail, listDevEmails } from "../src/index.ts";

let database: TestDatabase;
let tunnel: Awaited<ReturnType<typeof startNeonTunnel>>;
let db: Database;
let endPool: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "core_mailbox" });
  const pg = new URL(database.url);
  tunnel = await startNeonTunnel({ port: 0, allow: [`${pg.hostname}:${pg.port || 5432}`] });
  const created = createDb({ databaseUrl: database.url, wsProxy: tunnel.wsProxy, max: 4 });
  db = created.db;
  endPool = () => created.pool.end();
});
afterAll(async () => {
  await endPool?.();
  await tunnel?.close();
  await database?.drop();
});

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
