import { createHash } from "node:crypto";
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
