import { describe, expect, it } from "vitest";
import { base32Decode, totp } from "./totp.ts";

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890", 8 digits.
const seed = Buffer.from("12345678901234567890");

describe("totp", () => {
  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
  ])("matches the RFC 6238 vector at %i s", (seconds, code) => {
    expect(totp(seed, { time: seconds * 1000, digits: 8 })).toBe(code);
  });

  it("decodes the base32 secret an authenticator app is given", () => {
    expect(base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).toEqual(seed);
    expect(base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).toEqual(seed);
  });
});
