import { findBooking, previewCancellation } from "@hometrip/core";
import { bookingPartyProcedure } from "../../procedure-bases.ts";
import {
  previewCancellationMeta,
  ZPreviewCancellationRequestSchema,
  ZPreviewCancellationResponseSchema,
} from "./preview-cancellation.types.ts";

/** The refund `bookings.cancel` would give right now (the same function); 409 if it cannot be cancelled. */
export const previewCancellationProcedure = bookingPartyProcedure
  .meta(previewCancellationMeta)
  .input(ZPreviewCancellationRequestSchema)
  .output(ZPreviewCancellationResponseSchema)
  .query(async ({ ctx, input }) => {
    ctx.resHeaders.set("Cache-Control", "private, no-store");
    const found = await findBooking(ctx.services.db, input.bookingId);
    return previewCancellation(found, ctx.actor.userId, ctx.services.clock.now());
  });
