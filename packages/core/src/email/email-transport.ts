import { createDevMailboxSender } from "./dev-mailbox-sender.ts";
import type { EmailTransport } from "./email-sender.ts";
import { createResendEmailSender } from "./resend-sender.ts";

export type EmailTransportOptions =
  | { kind: "dev"; from: string }
  | { kind: "resend"; from: string; apiUrl: string; apiKey: string; fetch?: typeof fetch };

/** Picks the adapter named by EMAIL_TRANSPORT. */
export function createEmailTransport(opts: EmailTransportOptions): EmailTransport {
  if (opts.kind === "dev") return (tx) => createDevMailboxSender(tx, { from: opts.from });
  const resend = createResendEmailSender(opts);
  return () => resend;
}
