import { type Database, users } from "@hometrip/db";
import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAccessToken } from "./access-token.ts";
import { hotp, totpStep } from "./totp.ts";
import { base32Decode } from "./totp-base32.ts";
import { beginTotpEnrolment, confirmTotpEnrolment, twoFactorRequired } from "./two-factor.ts";
import { issueTwoFactorChallenge, verifyTwoFactorChallenge } from "./two-factor-challenge.ts";
import { importTwoFactorKeys, type TwoFactorKeys } from "./two-factor-keys.ts";
import { verifySecondFactor } from "./two-factor-verify.ts";

let database: TunnelledDatabase;
let db: Database;
let keys: TwoFactorKeys;

beforeAll(async () => {
  database = await createTunnelledDatabase({ prefix: "core_two_factor" });
  db = database.db;
  keys = await importTwoFactorKeys(btoa("core-two-factor-test-key-32bytes"));
});
afterAll(() => database?.close());

const now = new Date("2026-06-01T10:00:00Z");

async function enrolledUser() {
  const [user] = await db
    .insert(users)
    .values({ email: `${crypto.randomUUID()}@2fa.example.com`, displayName: "Enrolled" })
    .returning({ id: users.id });
  const userId = user!.id;
  const { secret } = await beginTotpEnrolment(db, keys, { userId, now });
  const bytes = base32Decode(secret)!;
  const code = (offset: number) => hotp(bytes, totpStep(now) + offset);
  const { recoveryCodes } = await confirmTotpEnrolment(db, keys, { userId, code: await code(0), now });
  return { userId, code, recoveryCodes };
}

describe("second factor under concurrency", () => {
  it("lets one of two simultaneous uses of a code through", async () => {
    const { userId, code } = await enrolledUser();
    expect(await twoFactorRequired(db, userId)).toBe(true);
    const next = await code(1);
    const results = await Promise.all([
      verifySecondFactor(db, keys, userId, { code: next }, now),
      verifySecondFactor(db, keys, userId, { code: next }, now),
    ]);
    expect(results.filter((r) => r === "totp")).toHaveLength(1);
  });

  it("lets one of two simultaneous uses of a recovery code through", async () => {
    const { userId, recoveryCodes } = await enrolledUser();
    const results = await Promise.all([
      verifySecondFactor(db, keys, userId, { recoveryCode: recoveryCodes[0]! }, now),
      verifySecondFactor(db, keys, userId, { recoveryCode: recoveryCodes[0]! }, now),
    ]);
    expect(results.filter((r) => r === "recovery_code")).toHaveLength(1);
  });

  it("does not accept one user's recovery code for another", async () => {
    const a = await enrolledUser();
    const b = await enrolledUser();
    expect(
      await verifySecondFactor(db, keys, b.userId, { recoveryCode: a.recoveryCodes[0]! }, now),
    ).toBeNull();
  });
});

describe("login challenge token", () => {
  const signing = [{ kid: "k1", secret: "challenge-test-signing-secret-0123456789" }];

  it("lasts five minutes and verifies after a key rotation", async () => {
    const userId = crypto.randomUUID();
    const token = await issueTwoFactorChallenge(signing, userId, now);
    expect(await verifyTwoFactorChallenge(signing, token, new Date(now.getTime() + 299_000))).toMatchObject({
      userId,
    });
    expect(await verifyTwoFactorChallenge(signing, token, new Date(now.getTime() + 301_000))).toBeNull();
    const rotated = [{ kid: "k2", secret: "the-next-signing-secret-abcdefghijklmnop" }, ...signing];
    expect(await verifyTwoFactorChallenge(rotated, token, now)).toMatchObject({ userId });
    expect(await verifyTwoFactorChallenge([rotated[0]!], token, now)).toBeNull();
  });

  it("can never pass as an access token", async () => {
    const token = await issueTwoFactorChallenge(signing, crypto.randomUUID(), now);
    expect(await verifyAccessToken(signing, token, now)).toBeNull();
  });
});
