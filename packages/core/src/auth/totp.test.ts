import { describe, expect, it } from "vitest";
import { hotp, matchTotp, otpauthUri, type TotpAlgorithm, totpCode, totpStep } from "./totp.ts";
import { base32Decode, base32Encode } from "./totp-base32.ts";

const ascii = (text: string) => new TextEncoder().encode(text);

// RFC 6238 appendix B: the seed is the ASCII digits repeated to the hash's block length.
const seeds: Record<TotpAlgorithm, Uint8Array> = {
  "SHA-1": ascii("12345678901234567890"),
  "SHA-256": ascii("12345678901234567890123456789012"),
  "SHA-512": ascii("1234567890123456789012345678901234567890123456789012345678901234"),
};

const vectors: [number, string, TotpAlgorithm][] = [
  [59, "94287082", "SHA-1"],
  [59, "46119246", "SHA-256"],
  [59, "90693936", "SHA-512"],
  [1111111109, "07081804", "SHA-1"],
  [1111111109, "68084774", "SHA-256"],
  [1111111109, "25091201", "SHA-512"],
  [1111111111, "14050471", "SHA-1"],
  [1111111111, "67062674", "SHA-256"],
  [1111111111, "99943326", "SHA-512"],
  [1234567890, "89005924", "SHA-1"],
  [1234567890, "91819424", "SHA-256"],
  [1234567890, "93441116", "SHA-512"],
  [2000000000, "69279037", "SHA-1"],
  [2000000000, "90698825", "SHA-256"],
  [2000000000, "38618901", "SHA-512"],
  [20000000000, "65353130", "SHA-1"],
  [20000000000, "77737706", "SHA-256"],
  [20000000000, "47863826", "SHA-512"],
];

describe("TOTP", () => {
  it.each(vectors)("matches RFC 6238 at T=%i: %s (%s)", async (seconds, expected, algorithm) => {
    const code = await totpCode(seeds[algorithm], new Date(seconds * 1000), { algorithm, digits: 8 });
    expect(code).toBe(expected);
  });

  it("matches RFC 4226's HOTP vectors with the 6-digit default", async () => {
    const codes = await Promise.all([0, 1, 2, 9].map((counter) => hotp(seeds["SHA-1"], counter)));
    expect(codes).toEqual(["755224", "287082", "359152", "520489"]);
  });

  const secret = seeds["SHA-1"];
  const now = new Date(1_700_000_000_000);

  it("accepts the current code and its neighbours, nothing further", async () => {
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      expect(await matchTotp(secret, await hotp(secret, step + offset), now)).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      expect(await matchTotp(secret, await hotp(secret, step + offset), now)).toBeNull();
    }
  });

  it("refuses a code at or before the last accepted step", async () => {
    const step = totpStep(now);
    const code = await hotp(secret, step);
    expect(await matchTotp(secret, code, now, { lastUsedStep: step })).toBeNull();
    expect(await matchTotp(secret, await hotp(secret, step - 1), now, { lastUsedStep: step })).toBeNull();
    expect(await matchTotp(secret, await hotp(secret, step + 1), now, { lastUsedStep: step })).toBe(step + 1);
  });

  it("rejects malformed codes without computing anything surprising", async () => {
    for (const bad of ["", "12345", "1234567", "abcdef", "12 34 5a"]) {
      expect(await matchTotp(secret, bad, now)).toBeNull();
    }
  });

  it("builds the otpauth URI authenticator apps read", () => {
    const uri = otpauthUri({ issuer: "HomeTrip", account: "ana+test@example.com", secretBase32: "JBSWY3DP" });
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe("otpauth:");
    expect(parsed.host).toBe("totp");
    expect(decodeURIComponent(parsed.pathname)).toBe("/HomeTrip:ana+test@example.com");
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      secret: "JBSWY3DP",
      issuer: "HomeTrip",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});

describe("base32", () => {
  // RFC 4648 section 10, padding dropped as authenticator URIs do.
  const rfc: [string, string][] = [
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ];

  it.each(rfc)("encodes %j as %j and back", (plain, encoded) => {
    expect(base32Encode(ascii(plain))).toBe(encoded);
    expect(new TextDecoder().decode(base32Decode(encoded)!)).toBe(plain);
  });

  it("decodes what people type: lower case, spaces, padding", () => {
    expect(new TextDecoder().decode(base32Decode("mzxw 6ytb oi======")!)).toBe("foobar");
  });

  it("round-trips a 20-byte secret and refuses foreign characters", () => {
    const secret = crypto.getRandomValues(new Uint8Array(20));
    const encoded = base32Encode(secret);
    expect(encoded).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(encoded)).toEqual(secret);
    expect(base32Decode("MZXW1")).toBeNull();
  });
});
