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
