import { describe, expect, it } from "vitest";
import { type AccessClaims, signAccessToken, verifyAccessToken } from "./access-token.ts";

const current = { kid: "k2", secret: "current-signing-secret-0123456789abcdef" };
const previous = { kid: "k1", secret: "previous-signing-secret-0123456789abcd" };
const claims: AccessClaims = {
  sub: "6f1c1a2e-6a53-4a5e-9a3e-1d2f3c4b5a69",
  sid: "0b8f3a3c-2a1d-4c5b-8e7f-9a0b1c2d3e4f",
  role: "member",
  host: true,
};
const now = new Date("2026-05-01T12:00:00Z");
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const parts = (token: string) => token.split(".") as [string, string, string];

describe("access tokens", () => {
  it("round-trips the claims, with the signing key's kid in the header", async () => {
    const token = await signAccessToken([current, previous], claims, 900, now);
    const header = JSON.parse(Buffer.from(parts(token)[0], "base64url").toString());
    expect(header).toEqual({ alg: "HS256", kid: "k2", typ: "JWT" });
    const payload = JSON.parse(Buffer.from(parts(token)[1], "base64url").toString());
    expect(payload).toMatchObject({ iss: "hometrip-api", aud: "hometrip", exp: now.getTime() / 1000 + 900 });
    expect(await verifyAccessToken([current, previous], token, now)).toEqual(claims);
  });

  it("gives two tokens with the same claims in the same second different strings", async () => {
    const first = await signAccessToken([current], claims, 900, now);
    const second = await signAccessToken([current], claims, 900, now);
    expect(second).not.toBe(first);
    expect(await verifyAccessToken([current], second, now)).toEqual(claims);
  });

  it("still verifies tokens signed with a key rotated out of first place", async () => {
    const old = await signAccessToken([previous], claims, 900, now);
    expect(await verifyAccessToken([current, previous], old, now)).toEqual(claims);
    expect(await verifyAccessToken([current], old, now)).toBeNull();
  });

  it("rejects expired tokens, and tokens from the future", async () => {
    const token = await signAccessToken([current], claims, 900, now);
    expect(await verifyAccessToken([current], token, new Date(now.getTime() + 901_000))).toBeNull();
    expect(await verifyAccessToken([current], token, new Date(now.getTime() + 899_000))).toEqual(claims);
  });

  it("rejects tampered payloads, wrong keys, unknown kids and alg none", async () => {
    const token = await signAccessToken([current], claims, 900, now);
    const [header, payload, signature] = parts(token);
    const decoded = JSON.parse(Buffer.from(payload, "base64url").toString());
    const attempts = [
      `${header}.${b64({ ...decoded, role: "admin" })}.${signature}`,
      await signAccessToken(
        [{ kid: "k2", secret: "an-entirely-different-secret-000000000" }],
        claims,
        900,
        now,
      ),
      await signAccessToken([{ kid: "k9", secret: current.secret }], claims, 900, now),
      `${b64({ alg: "none", kid: "k2", typ: "JWT" })}.${payload}.`,
      `${b64({ alg: "none", kid: "k2", typ: "JWT" })}.${payload}.${signature}`,
      `${b64({ alg: "HS256", typ: "JWT" })}.${payload}.${signature}`,
      `${header}.${payload}`,
      "",
      "a.b.c",
    ];
    for (const attempt of attempts) expect(await verifyAccessToken([current], attempt, now)).toBeNull();
  });

  it("rejects a validly signed token with the wrong claim shapes", async () => {
    const token = await signAccessToken([current], { ...claims, role: "root" as "admin" }, 900, now);
    expect(await verifyAccessToken([current], token, now)).toBeNull();
  });
});
