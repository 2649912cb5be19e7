import { argon2idAsync } from "@noble/hashes/argon2.js";
import { constantTimeEqual, fromBase64Url, toBase64Url } from "./tokens.ts";

/**
 * Argon2id with one of the OWASP Password Storage Cheat Sheet configurations (m=7 MiB, t=5, p=1,
 * equivalent in strength to m=19 MiB t=2). Why a pure-JS implementation: Workers cannot compile
 * WebAssembly at runtime and cap WebCrypto PBKDF2 at 100,000 iterations (OWASP asks 600,000).
 * The smallest memory option keeps several concurrent logins well inside a Worker's 128 MB.
 * Parameters live in the PHC string, so raising them later only needs `needsRehash` on login.
 */
export const passwordHashParams = { m: 7168, t: 5, p: 1 } as const;
export type PasswordHashParams = { m: number; t: number; p: number };

const saltBytes = 16;
const hashBytes = 32;
// A stored string is ours, but a corrupted or planted one must not make a login allocate gigabytes.
const maxMemoryKib = 262_144;
const maxPasses = 20;

/**
 * NIST SP 800-63B asks for Unicode normalisation, so the same password typed on two keyboards
 * (composed vs decomposed accents) verifies.
 */
const encodePassword = (password: string) => new TextEncoder().encode(password.normalize("NFKC"));

async function derive(password: string, salt: Uint8Array, params: PasswordHashParams): Promise<Uint8Array> {
  return argon2idAsync(encodePassword(password), salt, { ...params, dkLen: hashBytes, version: 0x13 });
}

/** `$argon2id$v=19$m=7168,t=5,p=1$<salt>$<hash>` (PHC format, base64 without padding). */
export async function hashPassword(
  password: string,
  params: PasswordHashParams = passwordHashParams,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(saltBytes));
  const hash = await derive(password, salt, params);
  return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${phcBase64(salt)}$${phcBase64(hash)}`;
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.params);
  return constantTimeEqual(actual, parsed.hash);
}

/** True when the stored hash used weaker (or different) parameters than today's. */
export function needsRehash(stored: string, params: PasswordHashParams = passwordHashParams): boolean {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return true;
  return parsed.params.m !== params.m || parsed.params.t !== params.t || parsed.params.p !== params.p;
}

/**
 * A real hash of nothing anyone knows: verifying an unknown email against it costs the same as a
 * known one, so response time does not reveal which addresses have accounts.
 */
let dummyHash: Promise<string> | undefined;
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(toBase64Url(crypto.getRandomValues(new Uint8Array(16))));
  await verifyPassword(await dummyHash, password);
  return false;
}

type ParsedHash = { params: PasswordHashParams; salt: Uint8Array; hash: Uint8Array };

export function parsePasswordHash(stored: string): ParsedHash | null {
  const match =
    /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
      stored,
    );
  if (!match) return null;
  const params = { m: Number(match[1]), t: Number(match[2]), p: Number(match[3]) };
  const salt = fromPhcBase64(match[4]!);
  const hash = fromPhcBase64(match[5]!);
  if (!salt || !hash || salt.length < 8 || hash.length < 16) return null;
  if (
    params.p < 1 ||
    params.t < 1 ||
    params.m < 8 * params.p ||
    params.m > maxMemoryKib ||
    params.t > maxPasses
  ) {
    return null;
  }
  return { params, salt, hash };
}

const phcBase64 = (bytes: Uint8Array) => toBase64Url(bytes).replaceAll("-", "+").replaceAll("_", "/");
const fromPhcBase64 = (text: string) => fromBase64Url(text.replaceAll("+", "-").replaceAll("/", "_"));
