import type { DbOrTx } from "@hometrip/db";

/** One rendered mail. `eventId` names the event that caused it, so a redelivery is one mail. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  eventId?: string;
}

/** The port every mail goes through; adapters: the Resend API (production) and the dev mailbox. */
export interface EmailSender {
  send(mail: OutgoingMail): Promise<{ id: string }>;
}

/**
 * Binds a sender to the caller's transaction. The dev mailbox writes through it, so a mail and
 * the event's processed mark commit together; an external API cannot join a transaction and
 * ignores it.
 */
export type EmailTransport = (tx: DbOrTx) => EmailSender;
