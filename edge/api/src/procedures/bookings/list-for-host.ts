import { listHostReservations } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import {
  listHostReservationsMeta,
  ZListHostReservationsRequestSchema,
  ZListHostReservationsResponseSchema,
} from "./list-for-host.types.ts";

/** Requests come soonest deadline first, each with `secondsToRespond`. */
export const listHostReservationsProcedure = hostProcedure
  .meta(listHostReservationsMeta)
  .input(ZListHostReservationsRequestSchema)
  .output(ZListHostReservationsResponseSchema)
  .query(({ ctx, input }) => {
    ctx.resHeaders.set("Cache-Control", "private, no-store");
    return listHostReservations(ctx.services.db, ctx.actor.userId, input.group, ctx.services.clock.now());
  });
