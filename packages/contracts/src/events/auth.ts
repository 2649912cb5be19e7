import * as z from "zod";
import { zE164Phone } from "../notifications.ts";
import { defineEvent } from "./define.ts";

/**
 * Account events the workers turn into mail. Payloads carry only who and where to write to: the
 * worker mints the email token itself, so a raw token never sits in the outbox, the broker or logs.
 */
const zAccountMail = z.object({
  userId: z.uuid(),
  email: z.email().max(320),
});

export const authEvents = {
  "auth.email_verification_requested": defineEvent({
    version: 1,
    description:
      "A member signed up or asked again to verify their email; the workers mail a verification link.",
    payload: zAccountMail,
  }),
  "auth.password_reset_requested": defineEvent({
    version: 1,
    description: "Someone asked to reset the password of an existing account; the workers mail a reset link.",
    payload: zAccountMail,
  }),
  "auth.password_changed": defineEvent({
    version: 1,
    description:
      "A member's password was changed or reset; the workers mail a notice to the account's address.",
    payload: zAccountMail,
  }),
  "auth.phone_verification_requested": defineEvent({
    version: 1,
    description:
      "A member asked to verify the phone saved for SMS; the workers mint a 6-digit code and text it there.",
    payload: z.object({ userId: z.uuid(), phone: zE164Phone }),
  }),
} as const;
