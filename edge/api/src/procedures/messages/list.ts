import { listMessages } from "@hometrip/core";
import { conversationParticipantProcedure } from "../../procedure-bases.ts";
import { listMessagesMeta, ZListMessagesRequestSchema, ZListMessagesResponseSchema } from "./list.types.ts";

export const listMessagesProcedure = conversationParticipantProcedure
  .meta(listMessagesMeta)
  .input(ZListMessagesRequestSchema)
  .output(ZListMessagesResponseSchema)
  .query(({ ctx, input }) => listMessages(ctx.services.db, input));
