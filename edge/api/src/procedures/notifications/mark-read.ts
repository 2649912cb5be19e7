import { markNotificationsRead } from "@hometrip/core";
import { notificationOwnerProcedure } from "../../procedure-bases.ts";
import { markReadMeta, ZMarkReadRequestSchema, ZMarkReadResponseSchema } from "./mark-read.types.ts";

/** Already read counts as 0 marked, not an error: two tabs may both mark it. */
export const markReadProcedure = notificationOwnerProcedure
  .meta(markReadMeta)
  .input(ZMarkReadRequestSchema)
  .output(ZMarkReadResponseSchema)
  .mutation(async ({ ctx, input }) => ({
    marked: await markNotificationsRead(ctx.services.db, ctx.actor.userId, {
      id: input.id,
      now: ctx.services.clock.now(),
    }),
  }));
