export { type DevEmailSummary, getDevEmail, listDevEmails } from "./dev-mailbox.ts";
export { createDevMailboxSender } from "./dev-mailbox-sender.ts";
export type { EmailSender, EmailTransport, OutgoingMail } from "./email-sender.ts";
export { createEmailTransport, type EmailTransportOptions } from "./email-transport.ts";
export { escapeHtml, type MailContent } from "./mail-templates.ts";
export { createResendEmailSender, EmailSendError, type ResendSenderOptions } from "./resend-sender.ts";
