import { MAX_MESSAGES_PAGE, zMessageView, zSeq } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zConversationId } from "./shared.types.ts";

export const ZListMessagesRequestSchema = z
  .object({
    conversationId: zConversationId,
    /** Messages after this seq, oldest first: what a reconnecting client missed. */
    afterSeq: zSeq.optional(),
    /** Messages before this seq: older history. */
    beforeSeq: zSeq.optional(),
    limit: z.number().int().min(1).max(MAX_MESSAGES_PAGE).default(50),
  })
  .refine((input) => input.afterSeq === undefined || input.beforeSeq === undefined, {
    message: "Give afterSeq or beforeSeq, not both",
    path: ["beforeSeq"],
  });
export const ZListMessagesResponseSchema = z.object({
  messages: z.array(zMessageView),
  hasMore: z.boolean(),
});
export type TListMessagesRequest = z.input<typeof ZListMessagesRequestSchema>;
export type TListMessagesResponse = z.output<typeof ZListMessagesResponseSchema>;

export const listMessagesMeta = {
  summary: "A conversation's messages by seq: after a seq (catch-up), before one (history) or the newest",
} satisfies TrpcMeta;
