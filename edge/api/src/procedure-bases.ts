import { AppError } from "@hometrip/contracts";
import {
  bookingOfGuest,
  bookingOfHost,
  bookingOfParty,
  conversationParticipant,
  managedBlockListing,
  managedListing,
  ownApiKey,
  ownNotification,
  ownSession,
} from "@hometrip/core";
import * as z from "zod";
import { authedProcedure, publicProcedure, sessionProcedure } from "./trpc.ts";

/**
 * The bases beyond the role bases of trpc.ts. An ownership base reads the id it checks from the
 * call's raw input, loads what the id names and refuses a caller who does not own it (403 or 404,
 * as the check in core says) before the procedure parses the rest of its input or does any work.
 * An id that is not a uuid is left to the procedure's own schema, which must require it: a 400
 * naming every bad field (the security suite checks each such schema refuses a missing id). The
 * suite classifies procedures by these bases and calls every one as another member with a real
 * owned id.
 */

const zId = z.uuid();

async function idIn(getRawInput: () => Promise<unknown>, field: string): Promise<string | null> {
  const raw = await getRawInput().catch(() => undefined);
  const value = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[field] : undefined;
  return zId.safeParse(value).success ? (value as string) : null;
}

/** The listing named by `listingId`: its host or an admin (calendar, photos, iCal). */
export const listingManagerProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const listingId = await idIn(getRawInput, "listingId");
  if (listingId) await managedListing(ctx.services.db, listingId, ctx.actor);
  return next();
});

/** The same check for the listings domain's own procedures, whose input names the listing `id`. */
export const listingByIdManagerProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const listingId = await idIn(getRawInput, "id");
  if (listingId) await managedListing(ctx.services.db, listingId, ctx.actor);
  return next();
});

/** The calendar block named by `blockId`: whoever manages its listing. */
export const blockManagerProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const blockId = await idIn(getRawInput, "blockId");
  if (blockId) await managedBlockListing(ctx.services.db, blockId, ctx.actor);
  return next();
});

/**
 * The booking named by `bookingId`, by side: its guest (withdraw), its host (accept, decline), or
 * either party or an admin (read, cancel). Someone with no part in it gets "not found"; the other
 * party "forbidden".
 */
export const bookingGuestProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const bookingId = await idIn(getRawInput, "bookingId");
  if (bookingId) await bookingOfGuest(ctx.services.db, bookingId, ctx.actor.userId);
  return next();
});

export const bookingHostProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const bookingId = await idIn(getRawInput, "bookingId");
  if (bookingId) await bookingOfHost(ctx.services.db, bookingId, ctx.actor.userId);
  return next();
});

export const bookingPartyProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const bookingId = await idIn(getRawInput, "bookingId");
  if (bookingId) await bookingOfParty(ctx.services.db, bookingId, ctx.actor.userId);
  return next();
});

/** The caller's own API key named by `id`; another member's key is "not found". */
export const apiKeyOwnerProcedure = sessionProcedure.use(async ({ ctx, getRawInput, next }) => {
  const keyId = await idIn(getRawInput, "id");
  if (keyId) await ownApiKey(ctx.services.db, keyId, ctx.actor.userId);
  return next();
});

/** The caller's own session named by `sessionId`; another member's session is "not found". */
export const sessionOwnerProcedure = sessionProcedure.use(async ({ ctx, getRawInput, next }) => {
  const sessionId = await idIn(getRawInput, "sessionId");
  if (sessionId) await ownSession(ctx.services.db, sessionId, ctx.actor.userId);
  return next();
});

/** A participant of the conversation named by `conversationId`; anyone else gets "not found". */
export const conversationParticipantProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const conversationId = await idIn(getRawInput, "conversationId");
  if (conversationId) await conversationParticipant(ctx.services.db, conversationId, ctx.actor.userId);
  return next();
});

/** The caller's own notification named by `id`; another member's looks like an unknown one. */
export const notificationOwnerProcedure = sessionProcedure.use(async ({ ctx, getRawInput, next }) => {
  const notificationId = await idIn(getRawInput, "id");
  if (notificationId) await ownNotification(ctx.services.db, notificationId, ctx.actor.userId);
  return next();
});

/**
 * The local mailbox exists only where mail is fake: in production the procedures answer like
 * procedures that do not exist. Public there on purpose: it is the dev mailbox page's data.
 */
export const devOnlyProcedure = publicProcedure.use(({ ctx, next }) => {
  const appEnv = ctx.services.config.APP_ENV;
  if (appEnv !== "development" && appEnv !== "test") throw new AppError("NOT_FOUND", "No such procedure");
  return next();
});
