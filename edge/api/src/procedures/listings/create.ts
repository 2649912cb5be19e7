import { createListingDraft } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import {
  createListingMeta,
  ZCreateListingRequestSchema,
  ZCreateListingResponseSchema,
} from "./create.types.ts";

/** A draft from a title and property type; `listings.update` fills in the rest step by step. */
export const createListingProcedure = hostProcedure
  .meta(createListingMeta)
  .input(ZCreateListingRequestSchema)
  .output(ZCreateListingResponseSchema)
  .mutation(async ({ ctx, input }) => (await createListingDraft(ctx.services.db, ctx.actor, input)).value);
