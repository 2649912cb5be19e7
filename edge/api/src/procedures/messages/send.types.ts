import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zConversationId, zOutgoingMessage, zSentMessage } from "./shared.types.ts";

export const ZSendMessageRequestSchema = z.object({ conversationId: zConversationId, ...zOutgoingMessage });
export const ZSendMessageResponseSchema = zSentMessage;
export type TSendMessageRequest = z.input<typeof ZSendMessageRequestSchema>;
export type TSendMessageResponse = z.output<typeof ZSendMessageResponseSchema>;

export const sendMessageMeta = {
  summary: "Send a message in a conversation; the same clientId again returns the same message",
} satisfies TrpcMeta;
