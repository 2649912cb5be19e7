import type { Logger } from "@hometrip/core";
import { type Tx, users } from "@hometrip/db";
import { eq } from "drizzle-orm";

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  emailVerifiedAt: Date | null;
}

/**
 * The account a mail event is about, as it is now. Events wait in the outbox and the broker, so
 * the account may be gone, closed or have a new address by the time the worker runs: then the
 * mail is skipped (and the event still counts as processed, as retrying cannot change that).
 */
export async function currentRecipient(
  tx: Tx,
  payload: { userId: string; email: string },
  ctx: { log: Logger; eventId: string; requireSameAddress: boolean },
): Promise<Recipient | null> {
  const [user] = await tx
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      emailVerifiedAt: users.emailVerifiedAt,
      status: users.status,
    })
    .from(users)
    .where(eq(users.id, payload.userId));
  const fields = { eventId: ctx.eventId, userId: payload.userId };
  if (!user || user.status === "deleted") {
    ctx.log.info("mail skipped: account no longer exists", fields);
    return null;
  }
  if (ctx.requireSameAddress && user.email.toLowerCase() !== payload.email.toLowerCase()) {
    ctx.log.info("mail skipped: account address changed since the request", fields);
    return null;
  }
  return user;
}
