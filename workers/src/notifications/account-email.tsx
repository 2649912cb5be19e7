import type { MailContent } from "@hometrip/core";
import { NoticeEmail } from "./emails/notice-email.tsx";
import { renderEmail } from "./emails/render.ts";

/**
 * Account and security mails, in the same React Email layout as every notification. They carry no
 * unsubscribe link: account_security e-mail cannot be turned off. Display names are free text:
 * line breaks are folded so the plain-text greeting stays one line.
 */
const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, " ").trim();

async function accountMail(
  appUrl: string,
  subject: string,
  props: { displayName: string; paragraphs: string[]; action: { label: string; url: string } },
): Promise<MailContent> {
  const preferencesUrl = `${appUrl.replace(/\/+$/, "")}/account/notifications`;
  const rendered = await renderEmail(
    <NoticeEmail
      recipientName={oneLine(props.displayName)}
      title={subject}
      paragraphs={[...props.paragraphs, `Or paste this link into your browser: ${props.action.url}`]}
      action={props.action}
      preferencesUrl={preferencesUrl}
    />,
  );
  return { subject, ...rendered };
}

export function verificationEmail(
  appUrl: string,
  opts: { displayName: string; link: string; validHours: number },
) {
  return accountMail(appUrl, "Confirm your email address", {
    displayName: opts.displayName,
    paragraphs: [
      "Please confirm your email address for HomeTrip.",
      `The link works once and expires in ${opts.validHours} hours. If you did not create a HomeTrip account, you can ignore this mail.`,
    ],
    action: { label: "Confirm email address", url: opts.link },
  });
}

export function passwordResetEmail(
  appUrl: string,
  opts: { displayName: string; link: string; validMinutes: number },
) {
  return accountMail(appUrl, "Reset your HomeTrip password", {
    displayName: opts.displayName,
    paragraphs: [
      "Someone asked to reset the password of your HomeTrip account.",
      `The link works once and expires in ${opts.validMinutes} minutes. If it was not you, ignore this mail: your password stays as it is.`,
    ],
    action: { label: "Choose a new password", url: opts.link },
  });
}

export function passwordChangedEmail(
  appUrl: string,
  opts: { displayName: string; changedAt: Date; resetUrl: string },
) {
  const when = opts.changedAt.toISOString().replace("T", " ").slice(0, 16);
  return accountMail(appUrl, "Your HomeTrip password was changed", {
    displayName: opts.displayName,
    paragraphs: [
      `The password of your HomeTrip account was changed on ${when} UTC.`,
      "If this was you, there is nothing to do. If it was not, reset your password now and review your sessions.",
    ],
    action: { label: "Reset my password", url: opts.resetUrl },
  });
}
