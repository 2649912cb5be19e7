import { createHmac } from "node:crypto";

/** RFC 4648 base32 (what authenticator apps take), ignoring spaces, dashes, case and padding. */
export function base32Decode(input: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const clean = input.toUpperCase().replace(/[\s=-]/g, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 30 s steps) as an authenticator app computes it. */
export function totp(secret: Buffer, opts: { time?: number; digits?: number; step?: number } = {}): string {
  const step = opts.step ?? 30;
  const digits = opts.digits ?? 6;
  const counter = Math.floor((opts.time ?? Date.now()) / 1000 / step);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

export function totpStep(time = Date.now(), step = 30): number {
  return Math.floor(time / 1000 / step);
}
