import { describe, expect, it } from "vitest";
import {
  base64ToBytes,
  bytesToBase64,
  importTotpEncryptionKey,
  openTotpSecret,
  sealTotpSecret,
} from "./totp-secret-box.ts";

const keyText = bytesToBase64(crypto.getRandomValues(new Uint8Array(32)));

describe("TOTP secret box (AES-GCM)", () => {
  it("round-trips a secret and never stores it in clear", async () => {
    const key = await importTotpEncryptionKey(keyText);
    const secret = crypto.getRandomValues(new Uint8Array(20));
    const sealed = await sealTotpSecret(key, secret, "user-1");
    expect(await openTotpSecret(key, sealed, "user-1")).toEqual(secret);
    // 12-byte IV + 20-byte ciphertext + 16-byte tag.
    expect(base64ToBytes(sealed)).toHaveLength(48);
    expect(sealed).not.toContain(bytesToBase64(secret));
  });

  it("uses a fresh IV each time", async () => {
    const key = await importTotpEncryptionKey(keyText);
    const secret = crypto.getRandomValues(new Uint8Array(20));
    const [a, b] = await Promise.all([sealTotpSecret(key, secret, "u"), sealTotpSecret(key, secret, "u")]);
    expect(a).not.toBe(b);
    expect(base64ToBytes(a).slice(0, 12)).not.toEqual(base64ToBytes(b).slice(0, 12));
  });

  it("fails on a tampered ciphertext, another user's row or another key", async () => {
    const key = await importTotpEncryptionKey(keyText);
    const sealed = await sealTotpSecret(key, new Uint8Array(20).fill(7), "user-1");
    const bytes = base64ToBytes(sealed);
    bytes[20] = bytes[20]! ^ 1;
    await expect(openTotpSecret(key, bytesToBase64(bytes), "user-1")).rejects.toThrow();
    await expect(openTotpSecret(key, sealed, "user-2")).rejects.toThrow();
    const other = await importTotpEncryptionKey(bytesToBase64(new Uint8Array(32).fill(1)));
    await expect(openTotpSecret(other, sealed, "user-1")).rejects.toThrow();
  });

  it("refuses a key that is not 32 bytes", async () => {
    await expect(importTotpEncryptionKey(btoa("short"))).rejects.toThrow(/32 bytes/);
  });
});
