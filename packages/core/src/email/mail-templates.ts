/** Subject and both bodies of a mail; the port adds the recipient. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** Everything interpolated into html goes through here: names and links are user-influenced. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Display names are free text: keep line breaks out of the plain-text greeting. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").trim();
}

function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join("\n");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#e0565b;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>\n<p style="margin:0 0 16px;font-size:13px;color:#555">Or paste this link into your browser:<br>${escapeHtml(action.url)}</p>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#222;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>
${body}
${button}
<p style="margin:32px 0 0;font-size:12px;color:#777">HomeTrip</p>
</body></html>`;
}

export function verificationMail(opts: {
  displayName: string;
  link: string;
  validHours: number;
}): MailContent {
  const name = oneLine(opts.displayName);
  const subject = "Confirm your email address";
  const text = [
    `Hi ${name},`,
    "",
    "Please confirm your email address for HomeTrip by opening this link:",
    opts.link,
    "",
    `The link works once and expires in ${opts.validHours} hours.`,
    "If you did not create a HomeTrip account, you can ignore this mail.",
  ].join("\n");
  const html = layout(
    subject,
    [
      `Hi ${escapeHtml(name)},`,
      "Please confirm your email address for HomeTrip.",
      `The link works once and expires in ${opts.validHours} hours. If you did not create a HomeTrip account, you can ignore this mail.`,
    ],
    { label: "Confirm email address", url: opts.link },
  );
  return { subject, text, html };
}

export function passwordResetMail(opts: {
  displayName: string;
  link: string;
  validMinutes: number;
}): MailContent {
  const name = oneLine(opts.displayName);
  const subject = "Reset your HomeTrip password";
  const text = [
    `Hi ${name},`,
    "",
    "Someone asked to reset the password of your HomeTrip account. To choose a new one, open:",
    opts.link,
    "",
    `The link works once and expires in ${opts.validMinutes} minutes.`,
    "If it was not you, ignore this mail: your password stays as it is.",
  ].join("\n");
  const html = layout(
    subject,
    [
      `Hi ${escapeHtml(name)},`,
      "Someone asked to reset the password of your HomeTrip account.",
      `The link works once and expires in ${opts.validMinutes} minutes. If it was not you, ignore this mail: your password stays as it is.`,
    ],
    { label: "Choose a new password", url: opts.link },
  );
  return { subject, text, html };
}

export function passwordChangedMail(opts: {
  displayName: string;
  changedAt: Date;
  resetUrl: string;
}): MailContent {
  const name = oneLine(opts.displayName);
  const when = opts.changedAt.toISOString().replace("T", " ").slice(0, 16);
  const subject = "Your HomeTrip password was changed";
  const text = [
    `Hi ${name},`,
    "",
    `The password of your HomeTrip account was changed on ${when} UTC.`,
    "If this was you, there is nothing to do.",
    `If it was not, reset your password now and review your sessions: ${opts.resetUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    [
      `Hi ${escapeHtml(name)},`,
      `The password of your HomeTrip account was changed on ${escapeHtml(when)} UTC.`,
      "If this was you, there is nothing to do. If it was not, reset your password now and review your sessions.",
    ],
    { label: "Reset my password", url: opts.resetUrl },
  );
  return { subject, text, html };
}
