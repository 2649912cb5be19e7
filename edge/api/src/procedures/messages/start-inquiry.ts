import { openInquiry, sendMessage } from "@hometrip/core";
import { sentMessageAnswer } from "../../messages/sent-message.ts";
import { inquiryPerUser, messageSendPerUser } from "../../rate-limit/rules.ts";
import { authedProcedure, withRateLimit } from "../../trpc.ts";
import {
  startInquiryMeta,
  ZStartInquiryRequestSchema,
  ZStartInquiryResponseSchema,
} from "./start-inquiry.types.ts";

/**
 * A guest's first words to a host about a published listing. Text only: images go in the thread
 * once it exists (uploads are per conversation).
 */
export const startInquiryProcedure = authedProcedure
  .meta(startInquiryMeta)
  .use(withRateLimit(inquiryPerUser))
  .use(withRateLimit(messageSendPerUser))
  .input(ZStartInquiryRequestSchema)
  .output(ZStartInquiryResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const guestId = ctx.actor.userId;
    const { conversationId } = await openInquiry(ctx.services.db, { listingId: input.listingId, guestId });
    const sent = await sendMessage(ctx.services.db, {
      conversationId,
      senderId: guestId,
      clientId: input.clientId,
      body: input.body,
      attachments: [],
    });
    return { conversationId, ...sentMessageAnswer(sent) };
  });
