import { AppError } from "@hometrip/contracts";
import { conversationParticipants, type DbOrTx } from "@hometrip/db";
import { and, eq } from "drizzle-orm";

export type ParticipantRole = "guest" | "host" | "admin";

/**
 * The caller's membership of a conversation. Anyone else gets "not found", exactly as for an id
 * that names nothing, so a conversation id reveals nothing about who talks to whom.
 */
export async function conversationMembership(
  db: DbOrTx,
  conversationId: string,
  userId: string,
): Promise<{ role: ParticipantRole; lastReadSeq: number }> {
  const [row] = await db
    .select({ role: conversationParticipants.role, lastReadSeq: conversationParticipants.lastReadSeq })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    );
  if (!row) throw conversationNotFound();
  return row;
}

export const conversationNotFound = () => new AppError("NOT_FOUND", "No such conversation");

/** Booking statuses after which contact details are no longer masked. */
export const contactSharingStatuses: readonly string[] = ["confirmed", "completed"];

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return constraint === undefined || name === constraint;
  }
  return false;
}
