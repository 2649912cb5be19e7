import { markNotificationsRead } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import { markAllReadMeta, ZMarkAllReadResponseSchema } from "./mark-all-read.types.ts";

export const markAllReadProcedure = sessionProcedure
  .meta(markAllReadMeta)
  .output(ZMarkAllReadResponseSchema)
  .mutation(async ({ ctx }) => ({
    marked: await markNotificationsRead(ctx.services.db, ctx.actor.userId, { now: ctx.services.clock.now() }),
  }));
