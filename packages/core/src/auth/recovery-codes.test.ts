import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  importRecoveryCodeKey,
  normaliseRecoveryCode,
} from "./recovery-codes.ts";

const keyText = btoa("recovery-test-key-of-32-bytes-xx");

describe("recovery codes", () => {
  it("makes ten distinct, readable codes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("hashes the same code the same way however it is typed", async () => {
    const key = await importRecoveryCodeKey(keyText);
    const [code] = generateRecoveryCodes(1);
    const hash = await hashRecoveryCode(key, code!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashRecoveryCode(key, ` ${code!.toUpperCase().replace("-", " ")} `)).toBe(hash);
    expect(normaliseRecoveryCode("ABCDE-fghij")).toBe("abcdefghij");
  });

  it("is keyed: another server key gives another hash", async () => {
    const a = await importRecoveryCodeKey(keyText);
    const b = await importRecoveryCodeKey(btoa("another-key-of-exactly-32-bytes!"));
    expect(await hashRecoveryCode(a, "abcde-fghjk")).not.toBe(await hashRecoveryCode(b, "abcde-fghjk"));
  });
});
