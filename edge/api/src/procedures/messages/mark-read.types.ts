import { zSeq } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zConversationId } from "./shared.types.ts";

export const ZMarkReadRequestSchema = z.object({ conversationId: zConversationId, upToSeq: zSeq });
export const ZMarkReadResponseSchema = z.object({
  lastReadSeq: z.number().int(),
  unreadCount: z.number().int(),
  totalUnread: z.number().int(),
});
export type TMarkReadRequest = z.input<typeof ZMarkReadRequestSchema>;
export type TMarkReadResponse = z.output<typeof ZMarkReadResponseSchema>;

export const markReadMeta = {
  summary: "Mark a conversation read up to a seq (never moves back); counts agree on every device",
} satisfies TrpcMeta;
