import { issueEmailToken } from "@hometrip/core";
import { passwordResetEmail } from "../../notifications/account-email.tsx";
import type { EventHandler } from "../types.ts";
import { appLink, type MailDeps } from "./mail-deps.ts";
import { currentRecipient } from "./recipient.ts";

const validMinutes = 60;

export function handlePasswordResetRequested(mail: MailDeps): EventHandler<"auth.password_reset_requested"> {
  return async ({ tx, event, log, now }) => {
    const user = await currentRecipient(tx, event.payload, {
      log,
      eventId: event.id,
      requireSameAddress: true,
    });
    if (!user) return;
    const token = await issueEmailToken(tx, {
      userId: user.id,
      email: user.email,
      purpose: "reset_password",
      ttlSeconds: validMinutes * 60,
      now,
    });
    const content = await passwordResetEmail(mail.appUrl, {
      displayName: user.displayName,
      link: appLink(mail.appUrl, "/reset-password", token),
      validMinutes,
    });
    const sent = await mail.transport(tx).send({ to: user.email, ...content, eventId: event.id });
    log.info("password reset mail sent", { eventId: event.id, userId: user.id, mailId: sent.id });
  };
}
