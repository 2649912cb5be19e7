import { commonBaseWords, commonPasswords } from "./common-passwords.ts";

/**
 * OWASP ASVS L2 / NIST 800-63B: length is what counts (12 to 128 characters, any characters,
 * no composition rules); refuse well-known passwords and the account's own email or name.
 */
export const passwordMinLength = 12;
export const passwordMaxLength = 128;

/** Why this password cannot be used, or null when it can. */
export function passwordPolicyIssue(
  password: string,
  context: { email?: string; displayName?: string } = {},
): string | null {
  const length = [...password].length;
  if (length < passwordMinLength) return `must be at least ${passwordMinLength} characters`;
  if (length > passwordMaxLength) return `must be at most ${passwordMaxLength} characters`;
  if (isCommonPassword(password)) return "is too common; choose something harder to guess";
  return passwordContextIssue(password, context);
}

/** The part of the policy that needs the rest of the account: not the email, not the name. */
export function passwordContextIssue(
  password: string,
  context: { email?: string; displayName?: string },
): string | null {
  const lowered = password.toLowerCase();
  const email = context.email?.toLowerCase();
  const localPart = email?.split("@")[0];
  if (email && (lowered === email || lowered === localPart)) return "must not be your email address";
  const squash = (text: string) => text.toLowerCase().replace(/\s+/g, "");
  if (context.displayName && squash(password) === squash(context.displayName)) return "must not be your name";
  return null;
}

export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return true;
  // "password123456!" is "password" padded: strip the padding and look again.
  const core = lowered.replace(/[\d!@#$%^&*?.]+$/, "");
  if (core !== lowered && (commonPasswords.has(core) || commonBaseWords.has(core))) return true;
  // A single repeated character or a straight run of digits is as good as no password.
  return (
    /^(.)\1*$/.test(password) ||
    "01234567890123456789".includes(password) ||
    "98765432109876543210".includes(password)
  );
}
