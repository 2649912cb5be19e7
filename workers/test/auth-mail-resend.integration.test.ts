import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { KnownEventEnvelope } from "@hometrip/contracts";
import { consumeEmailToken, type Logger, silentLogger } from "@hometrip/core";
import { type Database, devEmails, emailTokens, processedEvents } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { processEvent } from "../src/events/process-event.ts";
import { createEventHandlers, createMailDeps } from "../src/handlers/index.ts";
import { createMember, tokenFromMail } from "./support/accounts.ts";

/** A stand-in for api.resend.com: records requests, answers { id } or the error it is told to. */
let resend: Server;
let requests: { url: string | undefined; headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
let failWith: number | undefined;
let database: TunnelledDatabase;
let db: Database;

beforeAll(async () => {
  resend = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      requests.push({ url: req.url, headers: req.headers, body: JSON.parse(raw) });
      res.writeHead(failWith ?? 200, { "content-type": "application/json" });
      res.end(JSON.stringify(failWith ? { name: "application_error" } : { id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => resend.listen(0, "127.0.0.1", resolve));
  database = await createTunnelledDatabase({ prefix: "workers_resend" });
  db = database.db;
});
afterAll(async () => {
  await database?.close();
  await new Promise<void>((resolve) => resend.close(() => resolve()));
});
beforeEach(() => {
  requests = [];
  failWith = undefined;
});

const handlers = () =>
  createEventHandlers({
    mail: createMailDeps({
      APP_URL: "https://hometrip.example/",
      EMAIL_TRANSPORT: "resend",
      EMAIL_FROM: "HomeTrip <no-reply@hometrip.example>",
      RESEND_API_KEY: "re_test_0123456789",
      RESEND_API_URL: `http://127.0.0.1:${(resend.address() as AddressInfo).port}`,
    }),
  });

function resetEvent(member: { id: string; email: string }): KnownEventEnvelope {
  return {
    id: randomUUID(),
    type: "auth.password_reset_requested",
    version: 1,
    occurredAt: new Date().toISOString(),
    payload: { userId: member.id, email: member.email },
  };
}

const run = (event: KnownEventEnvelope, log: Logger = silentLogger) =>
  processEvent(db, handlers(), event, { log, now: new Date() });

describe("mail through Resend", () => {
  it("sends the reset mail with the event id as idempotency key and a working link", async () => {
    const member = await createMember(db, { displayName: "Resend Reader" });
    const event = resetEvent(member);
    expect(await run(event)).toBe("processed");

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe("/emails");
    expect(request?.headers.authorization).toBe("Bearer re_test_0123456789");
    expect(request?.headers["idempotency-key"]).toBe(event.id);
    expect(request?.body).toMatchObject({
      from: "HomeTrip <no-reply@hometrip.example>",
      to: [member.email],
      subject: "Reset your HomeTrip password",
    });
    const text = String(request?.body.text);
    expect(text).toContain("https://hometrip.example/reset-password?token=");
    const token = tokenFromMail(text, "/reset-password");
    expect(await consumeEmailToken(db, token, "reset_password", new Date())).toEqual({
      userId: member.id,
      email: member.email,
    });
    expect(await db.select().from(devEmails).where(eq(devEmails.to, member.email))).toEqual([]);
  });

  it("does not call Resend again for an event already processed", async () => {
    const member = await createMember(db);
    const event = resetEvent(member);
    await run(event);
    expect(await run(event)).toBe("duplicate");
    expect(requests).toHaveLength(1);
  });

  it("rolls the token and the processed mark back when Resend fails, so the retry starts clean", async () => {
    const member = await createMember(db);
    const event = resetEvent(member);
    const lines: string[] = [];
    const log: Logger = {
      info: (m, f) => lines.push(JSON.stringify({ m, f })),
      warn: (m, f) => lines.push(JSON.stringify({ m, f })),
      error: (m, f) => lines.push(JSON.stringify({ m, f })),
    };
    failWith = 500;
    await expect(run(event, log)).rejects.toThrow("Resend refused the mail: 500 application_error");
    expect(await db.select().from(emailTokens).where(eq(emailTokens.userId, member.id))).toEqual([]);
    expect(await db.select().from(processedEvents).where(eq(processedEvents.eventId, event.id))).toEqual([]);

    failWith = undefined;
    expect(await run(event, log)).toBe("processed");
    expect(requests.map((r) => r.headers["idempotency-key"])).toEqual([event.id, event.id]);
    expect(await db.select().from(emailTokens).where(eq(emailTokens.userId, member.id))).toHaveLength(1);
    const token = tokenFromMail(String(requests[1]?.body.text), "/reset-password");
    expect(lines.join("\n")).not.toContain(token);
  });
});
