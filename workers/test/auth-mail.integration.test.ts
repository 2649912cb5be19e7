import { consumeEmailToken, createEmailTransport, recordEvent, relayOutbox } from "@hometrip/core";
import { devEmails, emailTokens, outbox, processedEvents, users } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventHandlers } from "../src/handlers/index.ts";
import { createMember, tokenFromMail } from "./support/accounts.ts";
import { type EventStack, startEventStack } from "./support/event-stack.ts";
import { waitFor } from "./support/wait.ts";

const appUrl = "http://localhost:3000";
let stack: EventStack;

beforeAll(async () => {
  const mail = {
    appUrl,
    transport: createEmailTransport({ kind: "dev", from: "HomeTrip <no-reply@hometrip.test>" }),
  };
  stack = await startEventStack({ handlers: createEventHandlers({ mail }) });
});
afterAll(async () => {
  await stack?.close();
});

type MailEvent =
  | "auth.email_verification_requested"
  | "auth.password_reset_requested"
  | "auth.password_changed";

/** What auth-core does: record in a transaction, relay after commit; the broker delivers to the workers. */
async function emit(type: MailEvent, account: { id: string; email: string }): Promise<string> {
  const { id } = await stack.db.transaction((tx) =>
    recordEvent(tx, type, { userId: account.id, email: account.email }),
  );
  expect(await relayOutbox(stack.db, stack.publisher, { ids: [id] })).toEqual({ published: 1, failed: 0 });
  return id;
}

const mailsFor = (eventId: string) => stack.db.select().from(devEmails).where(eq(devEmails.eventId, eventId));
const mailFor = (eventId: string) =>
  waitFor(`the mail of ${eventId}`, async () => (await mailsFor(eventId))[0], 20_000);
const processed = (eventId: string) =>
  waitFor(`${eventId} processed`, async () => {
    const rows = await stack.db.select().from(processedEvents).where(eq(processedEvents.eventId, eventId));
    return rows[0];
  });
const tokensOf = (userId: string) =>
  stack.db.select().from(emailTokens).where(eq(emailTokens.userId, userId));

/** Delivers an already processed event again, without the broker's deduplication. */
async function redeliver(eventId: string) {
  const [row] = await stack.db.select().from(devEmails).where(eq(devEmails.eventId, eventId));
  expect(row).toBeDefined();
  const [event] = await stack.db.select().from(outbox).where(eq(outbox.id, eventId));
  const envelope = {
    id: eventId,
    type: event!.eventType,
    version: event!.eventVersion,
    occurredAt: event!.occurredAt.toISOString(),
    payload: event!.payload,
  };
  await stack.qstash.publishJSON({ url: `${stack.workersUrl}/events`, body: envelope });
  await waitFor("the duplicate delivery", async () =>
    stack.logs.find((l) => l.message === "event already processed" && l.fields.eventId === eventId),
  );
}

describe("verification mail", () => {
  it("arrives once with a link whose token verifies the address", async () => {
    const member = await createMember(stack.db, { displayName: "Ada <b>Lovelace</b>" });
    const eventId = await emit("auth.email_verification_requested", member);
    const mail = await mailFor(eventId);

    expect(mail).toMatchObject({ to: member.email, from: "HomeTrip <no-reply@hometrip.test>" });
    expect(mail.subject).toBe("Confirm your email address");
    expect(mail.text).toContain(`${appUrl}/verify-email?token=`);
    expect(mail.html).toContain("Ada &lt;b&gt;Lovelace&lt;/b&gt;");
    const token = tokenFromMail(mail.text, "/verify-email");
    expect(mail.html).toContain(`${appUrl}/verify-email?token=${token}`);

    expect(await consumeEmailToken(stack.db, token, "reset_password", new Date())).toBeNull();
    expect(await consumeEmailToken(stack.db, token, "verify_email", new Date())).toEqual({
      userId: member.id,
      email: member.email,
    });
    expect(await consumeEmailToken(stack.db, token, "verify_email", new Date())).toBeNull();
  });

  it("is still one mail and one token when the event is delivered again", async () => {
    const member = await createMember(stack.db);
    const eventId = await emit("auth.email_verification_requested", member);
    await mailFor(eventId);
    await redeliver(eventId);
    expect(await mailsFor(eventId)).toHaveLength(1);
    expect(await tokensOf(member.id)).toHaveLength(1);
  });

  it("never writes the token to the logs", async () => {
    const member = await createMember(stack.db);
    const eventId = await emit("auth.email_verification_requested", member);
    const token = tokenFromMail((await mailFor(eventId)).text, "/verify-email");
    expect(JSON.stringify(stack.logs)).not.toContain(token);
    expect(stack.logs).toContainEqual(
      expect.objectContaining({
        message: "verification mail sent",
        fields: expect.objectContaining({ eventId }),
      }),
    );
  });

  it("is skipped for an address that is already verified, or no longer the account's", async () => {
    const verified = await createMember(stack.db, { verified: true });
    const moved = await createMember(stack.db);
    // The event names the old address: it changed while the event waited in the outbox.
    await stack.db
      .update(users)
      .set({ email: `moved-${moved.email}` })
      .where(eq(users.id, moved.id));
    const first = await emit("auth.email_verification_requested", verified);
    const second = await emit("auth.email_verification_requested", moved);
    await processed(first);
    await processed(second);
    expect(await mailsFor(first)).toEqual([]);
    expect(await mailsFor(second)).toEqual([]);
    expect(await tokensOf(verified.id)).toEqual([]);
    expect(await tokensOf(moved.id)).toEqual([]);
  });
});

describe("password reset mail", () => {
  it("arrives once with a reset link whose token is single use", async () => {
    const member = await createMember(stack.db, { displayName: "Grace" });
    const eventId = await emit("auth.password_reset_requested", member);
    const mail = await mailFor(eventId);
    expect(mail.subject).toBe("Reset your HomeTrip password");
    expect(mail.text).toMatch(/^Reset your HomeTrip password\n\nHi Grace,/);
    const token = tokenFromMail(mail.text, "/reset-password");

    await redeliver(eventId);
    expect(await mailsFor(eventId)).toHaveLength(1);
    expect(await tokensOf(member.id)).toHaveLength(1);

    expect(await consumeEmailToken(stack.db, token, "verify_email", new Date())).toBeNull();
    expect(await consumeEmailToken(stack.db, token, "reset_password", new Date())).toEqual({
      userId: member.id,
      email: member.email,
    });
    expect(await consumeEmailToken(stack.db, token, "reset_password", new Date())).toBeNull();
  });

  it("expires after an hour", async () => {
    const member = await createMember(stack.db);
    const eventId = await emit("auth.password_reset_requested", member);
    const token = tokenFromMail((await mailFor(eventId)).text, "/reset-password");
    const later = new Date(Date.now() + 61 * 60 * 1000);
    expect(await consumeEmailToken(stack.db, token, "reset_password", later)).toBeNull();
  });
});

describe("password changed notice", () => {
  it("tells the owner, carries no token, and is one mail on redelivery", async () => {
    const member = await createMember(stack.db, { displayName: "Linus" });
    const eventId = await emit("auth.password_changed", member);
    const mail = await mailFor(eventId);
    expect(mail).toMatchObject({ to: member.email, subject: "Your HomeTrip password was changed" });
    expect(mail.text).toContain(`${appUrl}/forgot-password`);
    expect(mail.text).not.toContain("token=");
    expect(await tokensOf(member.id)).toEqual([]);
    await redeliver(eventId);
    expect(await mailsFor(eventId)).toHaveLength(1);
  });
});
