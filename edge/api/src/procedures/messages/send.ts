import { sendMessage } from "@hometrip/core";
import { attachmentsFor } from "../../messages/attachments.ts";
import { sentMessageAnswer } from "../../messages/sent-message.ts";
import { conversationParticipantProcedure } from "../../procedure-bases.ts";
import { messageSendPerUser } from "../../rate-limit/rules.ts";
import { withRateLimit } from "../../trpc.ts";
import { sendMessageMeta, ZSendMessageRequestSchema, ZSendMessageResponseSchema } from "./send.types.ts";

/** Stores the message (masked before the booking is confirmed); the rooms deliver it after commit. */
export const sendMessageProcedure = conversationParticipantProcedure
  .meta(sendMessageMeta)
  .use(withRateLimit(messageSendPerUser))
  .input(ZSendMessageRequestSchema)
  .output(ZSendMessageResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const senderId = ctx.actor.userId;
    const attachments = await attachmentsFor(ctx.messageAttachments, {
      conversationId: input.conversationId,
      uploaderId: senderId,
      keys: input.attachmentKeys,
    });
    const sent = await sendMessage(ctx.services.db, {
      conversationId: input.conversationId,
      senderId,
      clientId: input.clientId,
      body: input.body,
      attachments,
    });
    return sentMessageAnswer(sent);
  });
