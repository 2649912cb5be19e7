import { zCreateListingInput, zListing } from "@hometrip/contracts";
import { createListingDraft } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import { afterListingChange } from "./after-change.ts";

/** A draft from a title and property type; `listings.update` fills in the rest step by step. */
export const createListingProcedure = hostProcedure
  .input(zCreateListingInput)
  .output(zListing)
  .mutation(async ({ ctx, input }) =>
    afterListingChange(ctx.services, await createListingDraft(ctx.services.db, ctx.actor, input)),
  );
