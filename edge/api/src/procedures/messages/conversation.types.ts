import { zConversationSummary } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zConversationId } from "./shared.types.ts";

export const ZConversationRequestSchema = z.object({ conversationId: zConversationId });
export const ZConversationResponseSchema = zConversationSummary;
export type TConversationRequest = z.input<typeof ZConversationRequestSchema>;
export type TConversationResponse = z.output<typeof ZConversationResponseSchema>;

export const conversationMeta = {
  summary: "One conversation as its inbox row shows it (listing, other party, read positions)",
} satisfies TrpcMeta;
