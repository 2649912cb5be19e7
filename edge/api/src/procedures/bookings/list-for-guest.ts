import { listGuestTrips } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import {
  listGuestTripsMeta,
  ZListGuestTripsRequestSchema,
  ZListGuestTripsResponseSchema,
} from "./list-for-guest.types.ts";

export const listGuestTripsProcedure = authedProcedure
  .meta(listGuestTripsMeta)
  .input(ZListGuestTripsRequestSchema)
  .output(ZListGuestTripsResponseSchema)
  .query(({ ctx, input }) => {
    ctx.resHeaders.set("Cache-Control", "private, no-store");
    return listGuestTrips(ctx.services.db, ctx.actor.userId, input.group, ctx.services.clock.now());
  });
