import { createDecipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";

/** A browser's side of a push subscription: the keys a real one keeps inside the browser. */
export interface TestSubscriptionKeys {
  /** Uncompressed P-256 public key (65 bytes), base64url: `keys.p256dh`. */
  p256dh: string;
  /** 16 random bytes, base64url: `keys.auth`. */
  auth: string;
  privateKey: Buffer;
  publicKey: Buffer;
  authSecret: Buffer;
}

export function createSubscriptionKeys(): TestSubscriptionKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const publicKey = ecdh.getPublicKey();
  const authSecret = randomBytes(16);
  return {
    p256dh: publicKey.toString("base64url"),
    auth: authSecret.toString("base64url"),
    privateKey: ecdh.getPrivateKey(),
    publicKey,
    authSecret,
  };
}

export class PushDecryptError extends Error {}

/**
 * Decrypts an `aes128gcm` push message body (RFC 8188 framing, RFC 8291 keys) as the browser would:
 * header = salt(16) | record size(4) | key id length(1) | sender public key; one record, whose
 * plaintext ends with the 0x02 delimiter and optional zero padding.
 */
export function decryptPushPayload(body: Buffer, keys: TestSubscriptionKeys): string {
  if (body.length < 21 + 65 + 17) throw new PushDecryptError("body too short for an aes128gcm record");
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20] ?? 0;
  const senderPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65 || senderPublic[0] !== 0x04)
    throw new PushDecryptError("key id is not an uncompressed P-256 key");
  if (record.length > recordSize) throw new PushDecryptError("more than one record");

  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(keys.privateKey);
  const shared = ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.publicKey, senderPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, keys.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));

  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  } catch {
    throw new PushDecryptError("authentication tag mismatch: wrong keys or a corrupted body");
  }
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 0x02) throw new PushDecryptError("missing the last-record delimiter");
  return plain.subarray(0, end).toString("utf8");
}
