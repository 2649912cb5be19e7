import { passwordChangedMail } from "@hometrip/core";
import type { EventHandler } from "../types.ts";
import { appLink, type MailDeps } from "./mail-deps.ts";
import { currentRecipient } from "./recipient.ts";

/**
 * Goes to the address the account had when the password changed, even if it has changed since:
 * someone who took over an account may change both, and the owner must still hear about it.
 */
export function handlePasswordChanged(mail: MailDeps): EventHandler<"auth.password_changed"> {
  return async ({ tx, event, log }) => {
    const user = await currentRecipient(tx, event.payload, {
      log,
      eventId: event.id,
      requireSameAddress: false,
    });
    if (!user) return;
    const content = passwordChangedMail({
      displayName: user.displayName,
      changedAt: new Date(event.occurredAt),
      resetUrl: appLink(mail.appUrl, "/forgot-password"),
    });
    const sent = await mail.transport(tx).send({ to: event.payload.email, ...content, eventId: event.id });
    log.info("password changed notice sent", { eventId: event.id, userId: user.id, mailId: sent.id });
  };
}
