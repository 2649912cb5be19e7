import { unreadNotificationCount } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import { unreadCountMeta, ZUnreadCountResponseSchema } from "./unread-count.types.ts";

export const unreadCountProcedure = sessionProcedure
  .meta(unreadCountMeta)
  .output(ZUnreadCountResponseSchema)
  .query(async ({ ctx }) => ({ count: await unreadNotificationCount(ctx.services.db, ctx.actor.userId) }));
