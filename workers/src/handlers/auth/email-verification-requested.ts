import { issueEmailToken } from "@hometrip/core";
import { verificationEmail } from "../../notifications/account-email.tsx";
import type { EventHandler } from "../types.ts";
import { appLink, type MailDeps } from "./mail-deps.ts";
import { currentRecipient } from "./recipient.ts";

const validHours = 24;

/** Mints the token here, so the raw value exists only in the mail (never in the outbox or logs). */
export function handleEmailVerificationRequested(
  mail: MailDeps,
): EventHandler<"auth.email_verification_requested"> {
  return async ({ tx, event, log, now }) => {
    const user = await currentRecipient(tx, event.payload, {
      log,
      eventId: event.id,
      requireSameAddress: true,
    });
    if (!user) return;
    if (user.emailVerifiedAt) {
      log.info("mail skipped: address already verified", { eventId: event.id, userId: user.id });
      return;
    }
    const token = await issueEmailToken(tx, {
      userId: user.id,
      email: user.email,
      purpose: "verify_email",
      ttlSeconds: validHours * 3600,
      now,
    });
    const content = await verificationEmail(mail.appUrl, {
      displayName: user.displayName,
      link: appLink(mail.appUrl, "/verify-email", token),
      validHours,
    });
    // Last statement before the commit: a send that fails rolls the token back with the event.
    const sent = await mail.transport(tx).send({ to: user.email, ...content, eventId: event.id });
    log.info("verification mail sent", { eventId: event.id, userId: user.id, mailId: sent.id });
  };
}
