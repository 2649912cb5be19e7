import { unreadMessageCount } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import { unreadCountMeta, ZUnreadCountResponseSchema } from "./unread-count.types.ts";

export const unreadCountProcedure = authedProcedure
  .meta(unreadCountMeta)
  .output(ZUnreadCountResponseSchema)
  .query(async ({ ctx }) => ({ total: await unreadMessageCount(ctx.services.db, ctx.actor.userId) }));
