import { issuePhoneCode, phoneCodeTtlMs } from "@hometrip/core";
import { describe, expect, it } from "vitest";
import { outboxEvents } from "./auth-helpers.ts";
import { workerAt } from "./clock-support.ts";
import { sql, withDatabase } from "./db.ts";
import { newMember } from "./hardening-support.ts";
import { bearer, createTestClient, settle, untyped } from "./harness.ts";

/** A number no other test uses: the per-number send budget is shared across members. */
const uniquePhone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

/** A member with `phone` saved (unverified) and a client. */
async function memberWithPhone(tag: string, phone = uniquePhone()) {
  const member = await newMember(tag);
  const api = createTestClient(bearer(member.accessToken));
  await api.notifications.updatePreferences.mutate({ phone });
  return { ...member, api, phone };
}

/** What the workers do with the request event: mint the code and (here) hand it to the test instead of Twilio. */
const mintCode = (userId: string, phone: string, now = new Date()) =>
  withDatabase(async (db) => {
    const code = await issuePhoneCode(db, { userId, phone, now });
    if (!code) throw new Error("no code was minted");
    return code;
  });

const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function storedCodeRow(userId: string) {
  const [row] = await sql<{ code_hash: string; failed_attempts: number }>(
    "select code_hash, failed_attempts from phone_verification_codes where user_id = $1",
    [userId],
  );
  return row;
}

describe("notifications.sendPhoneCode", () => {
  it("records a request for the workers naming the saved number, and stores no code in the clear", async () => {
    const m = await memberWithPhone("phone-send");
    const sent = await m.api.notifications.sendPhoneCode.mutate();
    expect(sent).toEqual({ ok: true, phone: m.phone, expiresInMinutes: 10 });
    const events = await outboxEvents("auth.phone_verification_requested", m.userId);
    expect(events.map((e) => e.payload)).toEqual([{ userId: m.userId, phone: m.phone }]);

    const code = await mintCode(m.userId, m.phone);
    expect(code).toMatch(/^\d{6}$/);
    const row = await storedCodeRow(m.userId);
    expect(row?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.code_hash).not.toContain(code);
  });

  it("refuses with 400 when no number is saved and 409 once it is verified, texting nothing", async () => {
    const bare = await newMember("phone-none");
    const none = await settle(() =>
      createTestClient(bearer(bare.accessToken)).notifications.sendPhoneCode.mutate(),
    );
    expect(none.status).toBe(400);
    expect(none.error?.message).toMatch(/Save a mobile number first/);

    const m = await memberWithPhone("phone-already");
    await m.api.notifications.verifyPhone.mutate({ code: await mintCode(m.userId, m.phone) });
    const again = await settle(() => m.api.notifications.sendPhoneCode.mutate());
    expect(again.status).toBe(409);
    expect(again.error?.message).toMatch(/already verified/);
    expect(await outboxEvents("auth.phone_verification_requested", bare.userId)).toHaveLength(0);
    expect(await outboxEvents("auth.phone_verification_requested", m.userId)).toHaveLength(0);
  });

  it("sends one code a minute per member and per number, five an hour, with 429 and Retry-After", async () => {
    // All sends inside one hour slot of the limiter, at most 12 minutes from the token's issue.
    const now = Date.now();
    const intoHour = now % 3_600_000;
    const start = intoHour < 50 * 60_000 ? now : now - intoHour + 3_600_000 + 1_000;
    const m = await memberWithPhone("phone-limit");
    const at = (minutes: number) =>
      workerAt(new Date(start + minutes * 60_000)).client(bearer(m.accessToken));

    expect((await settle(() => at(0).notifications.sendPhoneCode.mutate())).status).toBe(200);
    const soon = await settle(() => at(0).notifications.sendPhoneCode.mutate());
    expect(soon.status).toBe(429);
    expect(soon.error?.code).toBe("TOO_MANY_REQUESTS");
    expect(soon.error?.message).toBe("A code was just sent; wait a minute before asking for another");
    expect(Number(soon.headers.get("retry-after"))).toBeGreaterThan(0);

    // Another account typing the same number is held by the number's own budget.
    const other = await memberWithPhone("phone-limit-other", m.phone);
    const sameNumber = await settle(() =>
      workerAt(new Date(start)).client(bearer(other.accessToken)).notifications.sendPhoneCode.mutate(),
    );
    expect(sameNumber.status).toBe(429);
    expect(sameNumber.error?.message).toBe(
      "A code was just sent to this number; wait a minute before asking for another",
    );

    for (const minute of [1, 2, 3, 4]) {
      expect((await settle(() => at(minute).notifications.sendPhoneCode.mutate())).status).toBe(200);
    }
    const sixth = await settle(() => at(5).notifications.sendPhoneCode.mutate());
    expect(sixth.status).toBe(429);
    expect(sixth.error?.message).toBe("Five codes were sent in the last hour; try again later");
    expect(await outboxEvents("auth.phone_verification_requested", m.userId)).toHaveLength(5);
    expect(await outboxEvents("auth.phone_verification_requested", other.userId)).toHaveLength(0);
  });
});

describe("notifications.verifyPhone", () => {
  it("verifies the number with the right code, once", async () => {
    const m = await memberWithPhone("phone-verify");
    const code = await mintCode(m.userId, m.phone);
    expect(await m.api.notifications.verifyPhone.mutate({ code })).toEqual({ ok: true, phoneVerified: true });
    expect(await m.api.notifications.getPreferences.query()).toMatchObject({
      phone: m.phone,
      phoneVerified: true,
    });
    expect(await storedCodeRow(m.userId)).toBeUndefined();
    const reused = await settle(() => m.api.notifications.verifyPhone.mutate({ code }));
    expect(reused.status).toBe(409);

    // Saving the same number again (the settings form always sends it) keeps it verified...
    await m.api.notifications.updatePreferences.mutate({ phone: m.phone, timeZone: "Europe/Madrid" });
    expect((await m.api.notifications.getPreferences.query()).phoneVerified).toBe(true);
    // ...a different one must be proved again.
    await m.api.notifications.updatePreferences.mutate({ phone: uniquePhone() });
    expect((await m.api.notifications.getPreferences.query()).phoneVerified).toBe(false);
  });

  it("counts a wrong code and says how many tries are left", async () => {
    const m = await memberWithPhone("phone-wrong");
    const code = await mintCode(m.userId, m.phone);
    const wrong = await settle(() => m.api.notifications.verifyPhone.mutate({ code: otherThan(code) }));
    expect(wrong.status).toBe(400);
    expect(wrong.error?.message).toBe("That code is wrong; 4 tries left");
    expect((await storedCodeRow(m.userId))?.failed_attempts).toBe(1);
    expect((await m.api.notifications.getPreferences.query()).phoneVerified).toBe(false);
    // The right code still works after a typo.
    expect((await settle(() => m.api.notifications.verifyPhone.mutate({ code }))).status).toBe(200);
  });

  it("voids the code after five wrong guesses: the right one then fails too", async () => {
    const m = await memberWithPhone("phone-exhaust");
    const code = await mintCode(m.userId, m.phone);
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const outcome = await settle(() => m.api.notifications.verifyPhone.mutate({ code: otherThan(code) }));
      expect(outcome.status).toBe(400);
      messages.push(outcome.error?.message ?? "");
    }
    expect(messages.at(-2)).toBe("That code is wrong; 1 try left");
    expect(messages.at(-1)).toBe("That code is wrong and no tries are left; send a new one");
    const right = await settle(() => m.api.notifications.verifyPhone.mutate({ code }));
    expect(right.status).toBe(400);
    expect(right.error?.message).toBe("No code is waiting for this number; send a code first");
    expect((await m.api.notifications.getPreferences.query()).phoneVerified).toBe(false);
  });

  it("refuses an expired code and drops it", async () => {
    const m = await memberWithPhone("phone-expired");
    const code = await mintCode(m.userId, m.phone, new Date(Date.now() - phoneCodeTtlMs - 1_000));
    const outcome = await settle(() => m.api.notifications.verifyPhone.mutate({ code }));
    expect(outcome.status).toBe(400);
    expect(outcome.error?.message).toBe("This code has expired; send a new one");
    expect(await storedCodeRow(m.userId)).toBeUndefined();
    expect((await m.api.notifications.getPreferences.query()).phoneVerified).toBe(false);
  });

  it("a code is worthless to another member, even one who saved the same number", async () => {
    const owner = await memberWithPhone("phone-owner");
    const code = await mintCode(owner.userId, owner.phone);
    const thief = await memberWithPhone("phone-thief", owner.phone);
    const stolen = await settle(() => thief.api.notifications.verifyPhone.mutate({ code }));
    expect(stolen.status).toBe(400);
    await mintCode(thief.userId, thief.phone);
    const again = await settle(() => thief.api.notifications.verifyPhone.mutate({ code }));
    expect(again.status).toBe(400);
    expect((await thief.api.notifications.getPreferences.query()).phoneVerified).toBe(false);
    // The owner's code is untouched by the other member's tries.
    expect((await storedCodeRow(owner.userId))?.failed_attempts).toBe(0);
    expect((await owner.api.notifications.verifyPhone.mutate({ code })).phoneVerified).toBe(true);
  });

  it("refuses a code for a number changed since it was sent", async () => {
    const m = await memberWithPhone("phone-changed");
    const code = await mintCode(m.userId, m.phone);
    await m.api.notifications.updatePreferences.mutate({ phone: uniquePhone() });
    const outcome = await settle(() => m.api.notifications.verifyPhone.mutate({ code }));
    expect(outcome.status).toBe(400);
    expect(outcome.error?.message).toBe("No code is waiting for this number; send a code first");
  });

  it("answers 400 naming the field for every malformed code, and spends no guess on it", async () => {
    const m = await memberWithPhone("phone-bad-input");
    await mintCode(m.userId, m.phone);
    const bad: unknown[] = [
      "12a456",
      "12345",
      "1234567",
      "",
      "123\u0000456",
      "1".repeat(10_000),
      123456,
      null,
    ];
    for (const code of [...bad, undefined]) {
      const input = code === undefined ? {} : { code };
      const outcome = await settle(() => m.api.notifications.verifyPhone.mutate(untyped(input)));
      expect(outcome.status, JSON.stringify(code)?.slice(0, 20)).toBe(400);
      expect(JSON.stringify(outcome.error)).toMatch(/code/);
    }
    expect((await storedCodeRow(m.userId))?.failed_attempts).toBe(0);
  });

  it("accepts the code typed with spaces, and refuses without a number (400) or signed out (401)", async () => {
    const m = await memberWithPhone("phone-spaces");
    const code = await mintCode(m.userId, m.phone);
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect((await m.api.notifications.verifyPhone.mutate({ code: spaced })).phoneVerified).toBe(true);

    const bare = await newMember("phone-verify-none");
    const none = await settle(() =>
      createTestClient(bearer(bare.accessToken)).notifications.verifyPhone.mutate({ code: "123456" }),
    );
    expect(none.status).toBe(400);
    expect(none.error?.message).toBe("No mobile number is saved");
    const anonymous = await settle(() =>
      createTestClient().notifications.verifyPhone.mutate({ code: "123456" }),
    );
    expect(anonymous.status).toBe(401);
  });
});
