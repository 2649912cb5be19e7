import { conversationRoom } from "@hometrip/contracts";
import { conversationParticipantProcedure } from "../../procedure-bases.ts";
import { roomTicket } from "../../realtime/room-ticket.ts";
import {
  conversationTokenMeta,
  ZConversationTokenRequestSchema,
  ZConversationTokenResponseSchema,
} from "./conversation-token.types.ts";

/** The base has checked the caller takes part in the conversation; the room trusts the token for its lifetime. */
export const conversationTokenProcedure = conversationParticipantProcedure
  .meta(conversationTokenMeta)
  .input(ZConversationTokenRequestSchema)
  .output(ZConversationTokenResponseSchema)
  .mutation(({ ctx, input }) =>
    roomTicket(
      ctx.services.config,
      ctx.actor.userId,
      conversationRoom(input.conversationId),
      ctx.services.clock.now(),
    ),
  );
