import { listingAvailability } from "@hometrip/core";
import { publicProcedure } from "../../trpc.ts";
import {
  availabilityMeta,
  ZAvailabilityRequestSchema,
  ZAvailabilityResponseSchema,
} from "./availability.types.ts";

/** The listing page's 12 months: occupied ranges only, never which are bookings. */
export const availabilityProcedure = publicProcedure
  .meta(availabilityMeta)
  .input(ZAvailabilityRequestSchema)
  .output(ZAvailabilityResponseSchema)
  .query(({ ctx, input }) => listingAvailability(ctx.services.db, input.listingId, ctx.services.clock.now()));
