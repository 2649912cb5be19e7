import { type DbOrTx, devEmails } from "@hometrip/db";
import { eq } from "drizzle-orm";
import type { EmailSender } from "./email-sender.ts";

/**
 * "Sends" by storing the mail in dev_emails for the local mailbox page. The unique event_id
 * makes a second send for the same event a no-op that answers with the first mail's id.
 */
export function createDevMailboxSender(db: DbOrTx, opts: { from: string }): EmailSender {
  return {
    async send(mail) {
      const [inserted] = await db
        .insert(devEmails)
        .values({
          to: mail.to.toLowerCase(),
          from: opts.from,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.headers ?? {},
          eventId: mail.eventId ?? null,
        })
        .onConflictDoNothing({ target: devEmails.eventId })
        .returning({ id: devEmails.id });
      if (inserted) return inserted;
      const [existing] = await db
        .select({ id: devEmails.id })
        .from(devEmails)
        .where(eq(devEmails.eventId, mail.eventId ?? ""));
      if (!existing) throw new Error("dev mailbox insert conflicted but no mail has that event id");
      return existing;
    },
  };
}
