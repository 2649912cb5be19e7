import { createHash } from "node:crypto";
import { Receiver } from "@upstash/qstash";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../src/qstash/publish-request.ts";
import { createSigner } from "../src/qstash/signing.ts";

describe("QStash delivery signature", () => {
  it("is an HS256 JWT with QStash's claims: issuer, subject, 5-minute window, unique id, body hash", async () => {
    const sign = createSigner("sig_unit_current");
    const body = new TextEncoder().encode('{"hello":"world"}');
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const first = await sign({ url: "http://127.0.0.1:8790/events", body, now });
    const second = await sign({ url: "http://127.0.0.1:8790/events", body, now });

    expect(decodeProtectedHeader(first)).toEqual({ alg: "HS256", typ: "JWT" });
    const claims = decodeJwt(first);
    expect(claims).toMatchObject({
      iss: "Upstash",
      sub: "http://127.0.0.1:8790/events",
      iat: now / 1000,
      nbf: now / 1000,
      exp: now / 1000 + 300,
      body: createHash("sha256").update(body).digest("base64url"),
    });
    expect(claims.jti).not.toBe(decodeJwt(second).jti);
  });

  it("verifies with the production Receiver against the exact body and URL, and with no other key", async () => {
    const sign = createSigner("sig_unit_current");
    const url = "http://127.0.0.1:8790/events";
    const text = '{"note":"caf\u00e9 \\ \\"quoted\\""}';
    const signature = await sign({ url, body: new TextEncoder().encode(text) });
    const receiver = new Receiver({ currentSigningKey: "sig_unit_current", nextSigningKey: "sig_unit_next" });

    await expect(receiver.verify({ signature, body: text, url })).resolves.toBe(true);
    await expect(receiver.verify({ signature, body: `${text} `, url })).rejects.toThrow(/body hash/);
    await expect(receiver.verify({ signature, body: text, url: `${url}x` })).rejects.toThrow(
      /invalid subject/,
    );
    const stranger = new Receiver({
      currentSigningKey: "sig_other_current",
      nextSigningKey: "sig_other_next",
    });
    await expect(stranger.verify({ signature, body: text, url })).rejects.toThrow();
  });
});

describe("Upstash-Delay durations", () => {
  it("reads seconds, minutes, hours, days and combinations", () => {
    expect(parseDuration("10s", "Upstash-Delay")).toBe(10_000);
    expect(parseDuration("5m", "Upstash-Delay")).toBe(300_000);
    expect(parseDuration("1h30m", "Upstash-Delay")).toBe(5_400_000);
    expect(parseDuration("2d", "Upstash-Delay")).toBe(172_800_000);
  });

  it("rejects anything else with a 400 naming the header", () => {
    expect(() => parseDuration("soon", "Upstash-Delay")).toThrow(/invalid Upstash-Delay: soon/);
    expect(() => parseDuration("10x", "Upstash-Delay")).toThrow(/invalid Upstash-Delay/);
  });
});
