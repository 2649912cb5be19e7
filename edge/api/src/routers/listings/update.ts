import { zListing, zUpdateListingInput } from "@hometrip/contracts";
import { updateListing } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import { afterListingChange } from "./after-change.ts";

/** Partial: only the fields sent change. A published listing must stay complete. */
export const updateListingProcedure = hostProcedure
  .input(zUpdateListingInput)
  .output(zListing)
  .mutation(async ({ ctx, input }) =>
    afterListingChange(
      ctx.services,
      await updateListing(ctx.services.db, ctx.actor, input.id, input.changes, ctx.services.clock.now()),
    ),
  );
