/**
 * CPU cost of one password hash with the parameters in use (`bun run bench:password`).
 * `--all` also times the other OWASP-equivalent Argon2id and scrypt settings for comparison.
 * The cost is CPU-bound JavaScript, so it is close to what a Worker is billed per login.
 */
import { argon2id } from "@noble/hashes/argon2.js";
import { scrypt } from "@noble/hashes/scrypt.js";
import { hashPassword, passwordHashParams, verifyPassword } from "../src/auth/password.ts";

const rounds = Number(process.argv.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 10);
const runtime = process.versions.bun ? `bun ${process.versions.bun}` : `node ${process.version}`;

async function time(fn: () => unknown): Promise<{ mean: number; min: number }> {
  await fn(); // warm-up: JIT and first allocation
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, min: Math.min(...samples) };
}

const fmt = ({ mean, min }: { mean: number; min: number }) =>
  `${mean.toFixed(0)} ms mean, ${min.toFixed(0)} ms min`;
const { m, t, p } = passwordHashParams;
console.log(`password hashing on ${runtime}, ${rounds} rounds each`);

const stored = await hashPassword("correct horse battery staple");
console.log(
  `argon2id m=${m} KiB (${(m / 1024).toFixed(0)} MiB) t=${t} p=${p}  hash:   ${fmt(await time(() => hashPassword("correct horse battery staple")))}`,
);
console.log(
  `argon2id m=${m} KiB (${(m / 1024).toFixed(0)} MiB) t=${t} p=${p}  verify: ${fmt(await time(() => verifyPassword(stored, "correct horse battery staple")))}`,
);

if (process.argv.includes("--all")) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const pw = "correct horse battery staple";
  const others: [string, () => unknown][] = [
    ["argon2id m=47104 t=1 p=1", () => argon2id(pw, salt, { m: 47104, t: 1, p: 1, dkLen: 32 })],
    ["argon2id m=19456 t=2 p=1", () => argon2id(pw, salt, { m: 19456, t: 2, p: 1, dkLen: 32 })],
    ["argon2id m=12288 t=3 p=1", () => argon2id(pw, salt, { m: 12288, t: 3, p: 1, dkLen: 32 })],
    ["argon2id m=9216 t=4 p=1", () => argon2id(pw, salt, { m: 9216, t: 4, p: 1, dkLen: 32 })],
    ["scrypt N=2^16 r=8 p=2", () => scrypt(pw, salt, { N: 2 ** 16, r: 8, p: 2, dkLen: 32 })],
    ["scrypt N=2^14 r=8 p=5", () => scrypt(pw, salt, { N: 2 ** 14, r: 8, p: 5, dkLen: 32 })],
    ["scrypt N=2^13 r=8 p=10", () => scrypt(pw, salt, { N: 2 ** 13, r: 8, p: 10, dkLen: 32 })],
  ];
  for (const [name, fn] of others) console.log(`${name.padEnd(28)} ${fmt(await time(fn))}`);
}
