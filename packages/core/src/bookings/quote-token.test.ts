import { describe, expect, it } from "vitest";
import { type QuoteClaims, signQuote, verifyQuote } from "./quote-token.ts";

const keys = [{ kid: "k1", secret: "a-test-signing-secret-of-32-chars!!" }];
const now = new Date("2031-01-01T10:00:00Z");
const claims: QuoteClaims = {
  listingId: "7b0c58a4-8a59-4b63-9c2f-5e0c3c0a0a01",
  checkIn: "2031-02-01",
  checkOut: "2031-02-04",
  guests: 2,
  guestId: "7b0c58a4-8a59-4b63-9c2f-5e0c3c0a0a02",
  guestTotal: 41_234,
  hostFee: 975,
  currency: "EUR",
  expiresAt: now.getTime() / 1000 + 900,
};

const reason = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { details?: { reason?: string } }) => error.details?.reason,
  );

describe("quote tokens", () => {
  it("round-trip the claims until they expire", async () => {
    const token = await signQuote(keys, claims);
    expect(await verifyQuote(keys, token, now)).toEqual(claims);
    expect(await reason(verifyQuote(keys, token, new Date(now.getTime() + 899_000)))).toBe("accepted");
    expect(await reason(verifyQuote(keys, token, new Date(now.getTime() + 900_000)))).toBe("quote_expired");
  });

  it("refuse a token whose claims were changed, even re-encoded cleanly", async () => {
    const token = await signQuote(keys, claims);
    const [kid, , mac] = token.split(".");
    const cheaper = btoa(JSON.stringify({ ...claims, guestTotal: 1 }))
      .replaceAll("+", "-")
      .replaceAll("/", "_")
      .replace(/=+$/, "");
    expect(await reason(verifyQuote(keys, `${kid}.${cheaper}.${mac}`, now))).toBe("quote_invalid");
  });

  it("refuse another key, an unknown kid, a truncated or garbled token", async () => {
    const token = await signQuote(keys, claims);
    const other = [{ kid: "k1", secret: "another-signing-secret-of-32-chars!" }];
    expect(await reason(verifyQuote(other, token, now))).toBe("quote_invalid");
    expect(await reason(verifyQuote(keys, token.replace(/^k1/, "k2"), now))).toBe("quote_invalid");
    expect(await reason(verifyQuote(keys, token.split(".").slice(0, 2).join("."), now))).toBe(
      "quote_invalid",
    );
    expect(await reason(verifyQuote(keys, `${token}.x`, now))).toBe("quote_invalid");
    expect(await reason(verifyQuote(keys, "k1.!!.??", now))).toBe("quote_invalid");
  });

  it("verify with an older key still configured after rotation", async () => {
    const token = await signQuote(keys, claims);
    const rotated = [{ kid: "k2", secret: "the-new-signing-secret-of-32-chars" }, ...keys];
    expect(await reason(verifyQuote(rotated, token, now))).toBe("accepted");
  });
});
