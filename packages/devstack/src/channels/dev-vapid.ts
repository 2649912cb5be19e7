import { createECDH } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writePrivateFile } from "../orchestrator/env-file.ts";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The dev stack's VAPID key pair (P-256, base64url as `web-push` takes it), made on the first run
 * and kept in the data directory's private folder: a browser's subscription is bound to the public
 * key, so a new pair every start would orphan every subscription.
 */
export function devVapidKeys(dataDir: string): VapidKeys {
  const path = join(dataDir, "private", "vapid.json");
  if (existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, "utf8")) as Partial<VapidKeys>;
    if (saved.publicKey && saved.privateKey)
      return { publicKey: saved.publicKey, privateKey: saved.privateKey };
  }
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const keys = {
    publicKey: ecdh.getPublicKey().toString("base64url"),
    privateKey: ecdh.getPrivateKey().toString("base64url"),
  };
  writePrivateFile(path, `${JSON.stringify(keys, null, 2)}\n`);
  return keys;
}
