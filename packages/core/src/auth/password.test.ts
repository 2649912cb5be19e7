import { describe, expect, it } from "vitest";
import {
  hashPassword,
  needsRehash,
  parsePasswordHash,
  passwordHashParams,
  verifyDummyPassword,
  verifyPassword,
} from "./password.ts";

// Small parameters keep most of these fast; one test uses the real ones.
const cheap = { m: 256, t: 1, p: 1 };

describe("password hashing", () => {
  it("hashes with the OWASP parameters into a PHC string that verifies", async () => {
    const stored = await hashPassword("correct horse battery staple");
    const { m, t, p } = passwordHashParams;
    expect(stored).toMatch(
      new RegExp(`^\\$argon2id\\$v=19\\$m=${m},t=${t},p=${p}\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$`),
    );
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery stapler")).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("meets an OWASP Argon2id configuration (memory × passes at least 19 MiB × 2)", () => {
    const { m, t, p } = passwordHashParams;
    expect(p).toBeGreaterThanOrEqual(1);
    // OWASP lists m=47104/t=1 … m=7168/t=5; each trades memory for passes at equal cost.
    const owasp = [
      [47104, 1],
      [19456, 2],
      [12288, 3],
      [9216, 4],
      [7168, 5],
    ];
    expect(owasp.some(([mm, tt]) => m >= mm! && t >= tt!)).toBe(true);
  });

  it("salts every hash", async () => {
    const a = await hashPassword("same password here", cheap);
    const b = await hashPassword("same password here", cheap);
    expect(a).not.toBe(b);
  });

  it("verifies hashes made by the reference implementation (argon2 CLI, v=19)", async () => {
    // `echo -n password | argon2 somesalt -id -t 2 -m 8 -p 1 -l 32 -e` (Debian's argon2 package)
    const stored = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    expect(await verifyPassword(stored, "password")).toBe(true);
    expect(await verifyPassword(stored, "Password")).toBe(false);
  });

  it("normalises Unicode so composed and decomposed accents verify alike", async () => {
    const stored = await hashPassword("caf\u00e9 au lait tous les jours", cheap);
    expect(await verifyPassword(stored, "cafe\u0301 au lait tous les jours")).toBe(true);
  });

  it("asks for a rehash when the stored parameters differ from today's", async () => {
    expect(needsRehash(await hashPassword("an older password", cheap))).toBe(true);
    expect(needsRehash("$2b$10$something-bcrypt")).toBe(true);
  });

  it("refuses malformed or absurd stored strings instead of hashing with them", async () => {
    const good = await hashPassword("whatever it may be", cheap);
    for (const bad of [
      "",
      "plaintext",
      good.replace("argon2id", "argon2i"),
      good.replace(/m=\d+/, "m=99999999"),
      good.replace(/t=\d+/, "t=500"),
      good.replace(/p=\d+/, "p=0"),
    ]) {
      expect(parsePasswordHash(bad)).toBeNull();
      expect(await verifyPassword(bad, "whatever it may be")).toBe(false);
    }
  });

  it("the dummy check always fails", async () => {
    expect(await verifyDummyPassword("anything at all")).toBe(false);
  });
});
