import { listConversations, unreadMessageCount } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import {
  listConversationsMeta,
  ZListConversationsRequestSchema,
  ZListConversationsResponseSchema,
} from "./list-conversations.types.ts";

export const listConversationsProcedure = authedProcedure
  .meta(listConversationsMeta)
  .input(ZListConversationsRequestSchema)
  .output(ZListConversationsResponseSchema)
  .query(async ({ ctx, input }) => {
    const userId = ctx.actor.userId;
    const [conversations, totalUnread] = await Promise.all([
      listConversations(ctx.services.db, { userId, ...input }),
      unreadMessageCount(ctx.services.db, userId),
    ]);
    return { conversations, totalUnread };
  });
