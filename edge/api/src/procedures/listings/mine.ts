import { listHostListings } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import { myListingsMeta, ZMyListingsResponseSchema } from "./mine.types.ts";

/** The host's own listings in every status, for the host dashboard. */
export const myListingsProcedure = hostProcedure
  .meta(myListingsMeta)
  .output(ZMyListingsResponseSchema)
  .query(async ({ ctx }) => listHostListings(ctx.services.db, ctx.actor.userId));
