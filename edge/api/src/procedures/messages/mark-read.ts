import { markConversationRead } from "@hometrip/core";
import { conversationParticipantProcedure } from "../../procedure-bases.ts";
import { markReadMeta, ZMarkReadRequestSchema, ZMarkReadResponseSchema } from "./mark-read.types.ts";

export const markReadProcedure = conversationParticipantProcedure
  .meta(markReadMeta)
  .input(ZMarkReadRequestSchema)
  .output(ZMarkReadResponseSchema)
  .mutation(({ ctx, input }) =>
    markConversationRead(ctx.services.db, {
      conversationId: input.conversationId,
      userId: ctx.actor.userId,
      upToSeq: input.upToSeq,
    }),
  );
