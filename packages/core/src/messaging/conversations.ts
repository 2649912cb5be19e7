import { AppError } from "@hometrip/contracts";
import { conversationParticipants, conversations, type Database, type DbOrTx, listings } from "@hometrip/db";
import { and, desc, eq, isNull } from "drizzle-orm";
import { isUniqueViolation } from "./access.ts";

/**
 * The conversation a guest continues when they contact a listing's host: the open inquiry, else the
 * thread of their latest booking of it, else a new inquiry. The (listing, guest) inquiry is unique
 * in the database (conversations_inquiry_key), so two tabs racing create one.
 */
export async function openInquiry(
  db: Database,
  input: { listingId: string; guestId: string },
): Promise<{ conversationId: string; created: boolean }> {
  const listing = await contactableListing(db, input.listingId);
  if (listing.hostId === input.guestId) {
    throw new AppError("BAD_REQUEST", "You cannot send an inquiry about your own listing");
  }
  const existing = await guestConversationFor(db, input);
  if (existing) return { conversationId: existing, created: false };
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(conversations)
        .values({ listingId: input.listingId, guestId: input.guestId })
        .returning({ id: conversations.id });
      if (!row) throw new Error("conversation insert returned nothing");
      await tx.insert(conversationParticipants).values([
        { conversationId: row.id, userId: input.guestId, role: "guest" },
        { conversationId: row.id, userId: listing.hostId, role: "host" },
      ]);
      return { conversationId: row.id, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error, "conversations_inquiry_key")) throw error;
    const winner = await guestConversationFor(db, input);
    if (!winner) throw error;
    return { conversationId: winner, created: false };
  }
}

/** The guest's inquiry about the listing, else the thread of their newest booking of it. */
export async function guestConversationFor(
  db: DbOrTx,
  input: { listingId: string; guestId: string },
): Promise<string | null> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.listingId, input.listingId), eq(conversations.guestId, input.guestId)))
    // Inquiries (no booking) first, then the newest thread.
    .orderBy(desc(isNull(conversations.bookingId)), desc(conversations.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** Only a published listing can be asked about; a draft's id answers like an unknown one. */
async function contactableListing(db: DbOrTx, listingId: string) {
  const [listing] = await db
    .select({ hostId: listings.hostId, status: listings.status })
    .from(listings)
    .where(eq(listings.id, listingId));
  if (listing?.status !== "published") throw new AppError("NOT_FOUND", "No such listing");
  return listing;
}
