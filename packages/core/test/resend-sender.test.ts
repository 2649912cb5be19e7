import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createResendEmailSender, EmailSendError } from "../src/index.ts";

/**
 * A stand-in for api.resend.com that checks requests against Resend's documented contract:
 * POST /emails, bearer key, JSON { from, to[], subject, html, text }, optional Idempotency-Key,
 * answering { id } (200) or { statusCode, name, message } on errors.
 */
interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage["headers"];
  body: unknown;
}
let server: Server;
let apiUrl: string;
let seen: Seen[] = [];
let nextAnswer: { status: number; body: unknown } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: JSON.parse(raw || "null") });
      const answer = nextAnswer ?? { status: 200, body: { id: `email-${seen.length}` } };
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  nextAnswer = undefined;
});

const mail = {
  to: "guest@hometrip.test",
  subject: "Confirm your email address",
  text: "plain",
  html: "<p>html</p>",
};

describe("Resend adapter", () => {
  it("posts the documented request shape with the key as bearer and the event id as idempotency key", async () => {
    const sender = createResendEmailSender({
      apiUrl,
      apiKey: "re_test_key",
      from: "HomeTrip <no-reply@hometrip.app>",
    });
    const eventId = "6f1c1c3e-8a51-4c4e-9a57-1b8f2f0d9a11";
    expect(await sender.send({ ...mail, eventId })).toEqual({ id: "email-1" });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/emails");
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["idempotency-key"]).toBe(eventId);
    expect(request?.body).toEqual({
      from: "HomeTrip <no-reply@hometrip.app>",
      to: ["guest@hometrip.test"],
      subject: "Confirm your email address",
      text: "plain",
      html: "<p>html</p>",
    });
  });

  it("sends no idempotency key for a mail without an event", async () => {
    const sender = createResendEmailSender({ apiUrl: `${apiUrl}/`, apiKey: "re_k", from: "a@b.test" });
    await sender.send(mail);
    expect(seen[0]?.url).toBe("/emails");
    expect(seen[0]?.headers).not.toHaveProperty("idempotency-key");
  });

  it("fails with Resend's error name and status, without echoing the mail", async () => {
    nextAnswer = {
      status: 422,
      body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field" },
    };
    const sender = createResendEmailSender({ apiUrl, apiKey: "re_k", from: "a@b.test" });
    const error = await sender.send({ ...mail, text: "secret-token-xyz" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect((error as EmailSendError).status).toBe(422);
    expect((error as Error).message).toBe("Resend refused the mail: 422 validation_error");
    expect((error as Error).message).not.toContain("secret-token-xyz");
  });

  it("fails when Resend cannot be reached", async () => {
    const sender = createResendEmailSender({
      apiUrl: "http://127.0.0.1:1",
      apiKey: "re_k",
      from: "a@b.test",
    });
    await expect(sender.send(mail)).rejects.toThrow(/Resend unreachable/);
  });
});
