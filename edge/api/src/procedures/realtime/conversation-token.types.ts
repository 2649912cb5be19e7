import { zRoomTicket } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZConversationTokenRequestSchema = z.object({ conversationId: z.uuid() });
export const ZConversationTokenResponseSchema = zRoomTicket;
export type TConversationTokenRequest = z.input<typeof ZConversationTokenRequestSchema>;
export type TConversationTokenResponse = z.output<typeof ZConversationTokenResponseSchema>;

export const conversationTokenMeta = {
  summary: "A five-minute token to join a conversation's live room (participants only)",
} satisfies TrpcMeta;
