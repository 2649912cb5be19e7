import { MAX_CONVERSATIONS_PAGE, zConversationSummary } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZListConversationsRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(MAX_CONVERSATIONS_PAGE).default(20),
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .default({ limit: 20, offset: 0 });
export const ZListConversationsResponseSchema = z.object({
  conversations: z.array(zConversationSummary),
  totalUnread: z.number().int(),
});
export type TListConversationsRequest = z.input<typeof ZListConversationsRequestSchema>;
export type TListConversationsResponse = z.output<typeof ZListConversationsResponseSchema>;

export const listConversationsMeta = {
  summary: "The inbox: the caller's conversations, newest first, with last message and unread counts",
} satisfies TrpcMeta;
