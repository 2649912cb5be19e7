import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zOutgoingMessage, zSentMessage } from "./shared.types.ts";

export const ZStartInquiryRequestSchema = z.object({
  listingId: z.uuid(),
  body: zOutgoingMessage.body,
  clientId: zOutgoingMessage.clientId,
});
export const ZStartInquiryResponseSchema = zSentMessage.extend({ conversationId: z.uuid() });
export type TStartInquiryRequest = z.input<typeof ZStartInquiryRequestSchema>;
export type TStartInquiryResponse = z.output<typeof ZStartInquiryResponseSchema>;

export const startInquiryMeta = {
  summary:
    "Ask a listing's host a question: opens (or continues) the conversation and sends the first message",
} satisfies TrpcMeta;
