import { conversationNotFound, conversationSummary } from "@hometrip/core";
import { conversationParticipantProcedure } from "../../procedure-bases.ts";
import {
  conversationMeta,
  ZConversationRequestSchema,
  ZConversationResponseSchema,
} from "./conversation.types.ts";

export const conversationProcedure = conversationParticipantProcedure
  .meta(conversationMeta)
  .input(ZConversationRequestSchema)
  .output(ZConversationResponseSchema)
  .query(async ({ ctx, input }) => {
    const summary = await conversationSummary(ctx.services.db, ctx.actor.userId, input.conversationId);
    if (!summary) throw conversationNotFound();
    return summary;
  });
