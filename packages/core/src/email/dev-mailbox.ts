import { type DbOrTx, type DevEmail, devEmails } from "@hometrip/db";
import { desc, eq } from "drizzle-orm";

export type DevEmailSummary = Pick<DevEmail, "id" | "to" | "from" | "subject" | "createdAt">;

/** Newest first, optionally only the mails to one address (the dev mailbox page's list). */
export async function listDevEmails(
  db: DbOrTx,
  opts: { to?: string; limit?: number } = {},
): Promise<DevEmailSummary[]> {
  return db
    .select({
      id: devEmails.id,
      to: devEmails.to,
      from: devEmails.from,
      subject: devEmails.subject,
      createdAt: devEmails.createdAt,
    })
    .from(devEmails)
    .where(opts.to ? eq(devEmails.to, opts.to.toLowerCase()) : undefined)
    .orderBy(desc(devEmails.createdAt), desc(devEmails.id))
    .limit(opts.limit ?? 50);
}

export async function getDevEmail(db: DbOrTx, id: string): Promise<DevEmail | null> {
  const [row] = await db.select().from(devEmails).where(eq(devEmails.id, id));
  return row ?? null;
}
