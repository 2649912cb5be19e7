import { notify } from "@hometrip/core";
import { passwordChangedEmail } from "../../notifications/account-email.tsx";
import type { EventHandler } from "../types.ts";
import { appLink, type MailDeps } from "./mail-deps.ts";
import { currentRecipient } from "./recipient.ts";

/**
 * Goes to the address the account had when the password changed, even if it has changed since:
 * someone who took over an account may change both, and the owner must still hear about it.
 * The notice is also stored in the app (account_security, always on), which reaches open tabs
 * after commit.
 * The mail itself leaves here rather than as a scheduled delivery: it must reach the old address.
 */
export function handlePasswordChanged(mail: MailDeps): EventHandler<"auth.password_changed"> {
  return async ({ tx, event, log, now }) => {
    const user = await currentRecipient(tx, event.payload, {
      log,
      eventId: event.id,
      requireSameAddress: false,
    });
    if (!user) return;
    const changedAt = new Date(event.occurredAt);
    const content = await passwordChangedEmail(mail.appUrl, {
      displayName: user.displayName,
      changedAt,
      resetUrl: appLink(mail.appUrl, "/forgot-password"),
    });
    await notify(tx, {
      userId: user.id,
      category: "account_security",
      type: "account.password_changed",
      title: "Your password was changed",
      body: "If it was not you, reset your password now and review your sessions.",
      link: "/account/security",
      outbound: { kind: "account", payload: {}, channels: [] },
      now,
    });
    const sent = await mail.transport(tx).send({ to: event.payload.email, ...content, eventId: event.id });
    log.info("password changed notice sent", { eventId: event.id, userId: user.id, mailId: sent.id });
  };
}
