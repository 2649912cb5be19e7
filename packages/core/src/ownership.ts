import { AppError } from "@hometrip/contracts";
import {
  apiKeys,
  calendarBlocks,
  conversationParticipants,
  type DbOrTx,
  type Listing,
  notifications,
  sessionFamilies,
} from "@hometrip/db";
import { and, eq } from "drizzle-orm";
import { findListing } from "./calendar/access.ts";
import { type ListingActor, listingNotFound, mayManage } from "./listings/access.ts";

/**
 * The checks behind the API's ownership bases: each loads the thing an id names and refuses a
 * caller who does not own it, before the procedure does any work. The domain functions check
 * again inside their transactions; these make the refusal visible in the procedure's base.
 */

/**
 * The listing's host or an admin. Anyone else: a published listing is public, so "forbidden";
 * a draft or unlisted one is "not found", so its id reveals nothing.
 */
export async function managedListing(db: DbOrTx, listingId: string, actor: ListingActor): Promise<Listing> {
  const listing = await findListing(db, listingId);
  if (await mayManage(db, listing, actor)) return listing;
  if (listing.status === "published") throw new AppError("FORBIDDEN", "Only the listing's host can do this");
  throw listingNotFound();
}

/** A calendar block is managed by whoever manages its listing. */
export async function managedBlockListing(
  db: DbOrTx,
  blockId: string,
  actor: ListingActor,
): Promise<Listing> {
  const [block] = await db
    .select({ listingId: calendarBlocks.listingId })
    .from(calendarBlocks)
    .where(eq(calendarBlocks.id, blockId));
  if (!block) throw new AppError("NOT_FOUND", "No such block");
  return managedListing(db, block.listingId, actor);
}

/** Another member's key looks exactly like an unknown one. */
export async function ownApiKey(db: DbOrTx, keyId: string, userId: string): Promise<void> {
  const [key] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId)));
  if (!key) throw new AppError("NOT_FOUND", "No such API key");
}

/** Another member's session looks exactly like an unknown one. */
export async function ownSession(db: DbOrTx, sessionId: string, userId: string): Promise<void> {
  const [session] = await db
    .select({ id: sessionFamilies.id })
    .from(sessionFamilies)
    .where(and(eq(sessionFamilies.id, sessionId), eq(sessionFamilies.userId, userId)));
  if (!session) throw new AppError("NOT_FOUND", "No such session");
}

/**
 * A participant of the conversation. Anyone else, and an unknown id, get the same "not found": a
 * conversation's id reveals nothing about whether it exists.
 */
export async function conversationParticipant(
  db: DbOrTx,
  conversationId: string,
  userId: string,
): Promise<void> {
  const [row] = await db
    .select({ userId: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    );
  if (!row) throw new AppError("NOT_FOUND", "No such conversation");
}

/** Another member's notification looks exactly like an unknown one. */
export async function ownNotification(db: DbOrTx, notificationId: string, userId: string): Promise<void> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)));
  if (!row) throw new AppError("NOT_FOUND", "No such notification");
}
