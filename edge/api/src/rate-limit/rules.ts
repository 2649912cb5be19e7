import type { Actor } from "../auth/actor.ts";
import type { RateLimitRule } from "../auth/rate-limit.ts";
import type { TrpcContext } from "../trpc.ts";

/**
 * Every limit on the auth surface, in one place so the numbers can be read together. Keys read the
 * raw input defensively: the limit runs before validation, so a malformed body still spends budget.
 * Per-IP limits stop one machine spraying many accounts; per-account limits stop many machines
 * (a botnet) guessing one account's password, at the price that an attacker can lock an account out
 * of password login for a window: the ASVS-preferred trade-off over unlimited guessing.
 */
type Ctx = TrpcContext & { actor?: Actor | null };
type Rule = RateLimitRule<Ctx, unknown>;

const byIp = (ctx: Ctx) => ctx.ip;
const byUser = (ctx: Ctx) => ctx.actor?.userId ?? null;
/** Emails are keyed as the account is looked up: trimmed and lower-cased, so casing cannot dodge a limit. */
const byEmail = (_ctx: Ctx, input: unknown) => {
  const email = (input as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null;
};

export const loginPerIp: Rule = { name: "login-ip", limit: 20, window: "15 m", key: byIp };
export const loginPerAccount: Rule = { name: "login-account", limit: 10, window: "15 m", key: byEmail };
export const signUpPerIp: Rule = { name: "sign-up-ip", limit: 10, window: "1 h", key: byIp };
export const passwordResetPerIp: Rule = { name: "password-reset-ip", limit: 10, window: "1 h", key: byIp };
export const passwordResetPerEmail: Rule = {
  name: "password-reset-email",
  limit: 5,
  window: "1 h",
  key: byEmail,
};
/** The reset form itself: guessing tokens is hopeless (256 bits) but cheap requests should not be free. */
export const resetPasswordPerIp: Rule = { name: "reset-password-ip", limit: 20, window: "1 h", key: byIp };
export const verificationPerIp: Rule = { name: "verification-ip", limit: 10, window: "1 h", key: byIp };
export const verificationPerUser: Rule = { name: "verification-user", limit: 5, window: "1 h", key: byUser };
/** Anything that checks the current password of a signed-in user (change password, 2FA changes). */
export const reauthPerUser: Rule = { name: "reauth-user", limit: 10, window: "15 m", key: byUser };
/** Confirming enrolment guesses a 6-digit code, like login does. */
export const twoFactorEnrolPerUser: Rule = { name: "2fa-enrol-user", limit: 10, window: "15 m", key: byUser };

/**
 * Texting a phone code costs money and reaches a number nobody has proved yet, so sends are scarce:
 * per member and per number (several accounts typing one stranger's number share its budget).
 * Guessing is bounded per code (core: 5 wrong guesses void it) and here per member.
 */
export const phoneCodeSendLimits = {
  perUserMinute: {
    name: "phone-code-user-1m",
    limit: 1,
    window: "1 m",
    key: byUser,
    message: "A code was just sent; wait a minute before asking for another",
  },
  perUserHour: {
    name: "phone-code-user-1h",
    limit: 5,
    window: "1 h",
    key: byUser,
    message: "Five codes were sent in the last hour; try again later",
  },
  perPhoneMinute: {
    name: "phone-code-phone-1m",
    limit: 1,
    window: "1 m",
    message: "A code was just sent to this number; wait a minute before asking for another",
  },
  perPhoneHour: {
    name: "phone-code-phone-1h",
    limit: 5,
    window: "1 h",
    message: "Five codes were sent to this number in the last hour; try again later",
  },
} as const satisfies Record<string, Omit<Rule, "key"> & { key?: Rule["key"] }>;
export const phoneCodeCheckPerUser: Rule = {
  name: "phone-code-check-user",
  limit: 20,
  window: "1 h",
  key: byUser,
  message: "Too many code checks; try again later",
};

/**
 * Second-factor attempts at login, spent after the challenge verifies (the keys need its contents).
 * Per challenge: a stolen challenge gets 5 guesses, not the 1,000,000 a 6-digit code needs. Per user:
 * fresh challenges (each needs the password) still share 10 guesses per 15 minutes.
 */
export const twoFactorAttemptLimits = {
  perChallenge: { name: "2fa-challenge", limit: 5, window: "5 m" },
  perUser: { name: "2fa-user", limit: 10, window: "15 m" },
} as const;

/**
 * The location step's address search: typing stops after a few searches, and a real geocoder
 * behind it (GEOCODER_URL) is rate-limited upstream (Nominatim's public service: 1 per second).
 */
export const placeSearchPerUser: Rule = { name: "place-search-user", limit: 30, window: "1 m", key: byUser };

/**
 * General ceilings for every tRPC call, far above what a person or a well-behaved integration needs.
 * `lease` (5 % of the limit): units an isolate spends before asking Redis and takes from it at once
 * (createLeasedRateLimiter), so a visitor's first calls cost no round trip. One client spread over
 * n isolates may pass the ceiling by up to n × lease calls a minute: it is a load ceiling, and the
 * security limits (auth, per account) above still ask Redis on every call.
 */
export const apiLimits = {
  perIp: { name: "api-ip", limit: 600, window: "1 m", lease: 30 },
  perCredential: { name: "api-credential", limit: 1200, window: "1 m", lease: 60 },
} as const;

/**
 * Messages: far above a person typing (a message every two seconds for a minute) and low enough
 * that a script cannot flood a host; new inquiries are rarer still, each one reaches a new host.
 */
export const messageSendPerUser: Rule = { name: "message-send-user", limit: 30, window: "1 m", key: byUser };
export const inquiryPerUser: Rule = { name: "inquiry-user", limit: 20, window: "1 h", key: byUser };
