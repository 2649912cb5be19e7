import type { EventType } from "@hometrip/contracts";
import type { NotificationDeps } from "../../notifications/deps.ts";
import type { EventHandler, EventHandlers } from "../types.ts";
import { handleEmailVerificationRequested } from "./email-verification-requested.ts";
import type { MailDeps } from "./mail-deps.ts";
import { handlePasswordChanged } from "./password-changed.ts";
import { handlePasswordResetRequested } from "./password-reset-requested.ts";
import { handlePhoneVerificationRequested } from "./phone-verification-requested.ts";

export { appLink, createMailDeps, type MailDeps } from "./mail-deps.ts";

/** Without mail settings the handlers throw, so the broker keeps the events until a deploy fixes it. */
const mailNotConfigured: EventHandler<EventType> = async () => {
  throw new Error("no mail transport configured for the workers");
};

type AuthHandlers = Pick<
  EventHandlers,
  | "auth.email_verification_requested"
  | "auth.password_reset_requested"
  | "auth.password_changed"
  | "auth.phone_verification_requested"
>;

export function createAuthHandlers(
  mail: MailDeps | undefined,
  notifications?: NotificationDeps,
): AuthHandlers {
  if (!mail) {
    return {
      "auth.email_verification_requested": mailNotConfigured,
      "auth.password_reset_requested": mailNotConfigured,
      "auth.password_changed": mailNotConfigured,
      "auth.phone_verification_requested": handlePhoneVerificationRequested(notifications),
    };
  }
  return {
    "auth.email_verification_requested": handleEmailVerificationRequested(mail),
    "auth.password_reset_requested": handlePasswordResetRequested(mail),
    "auth.password_changed": handlePasswordChanged(mail),
    "auth.phone_verification_requested": handlePhoneVerificationRequested(notifications),
  };
}
