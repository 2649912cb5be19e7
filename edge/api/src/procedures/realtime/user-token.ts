import { userRoom } from "@hometrip/contracts";
import { roomTicket } from "../../realtime/room-ticket.ts";
import { authedProcedure } from "../../trpc.ts";
import { userTokenMeta, ZUserTokenRequestSchema, ZUserTokenResponseSchema } from "./user-token.types.ts";

/** Always the caller's own room: the input names no user. */
export const userTokenProcedure = authedProcedure
  .meta(userTokenMeta)
  .input(ZUserTokenRequestSchema)
  .output(ZUserTokenResponseSchema)
  .mutation(({ ctx }) =>
    roomTicket(ctx.services.config, ctx.actor.userId, userRoom(ctx.actor.userId), ctx.services.clock.now()),
  );
