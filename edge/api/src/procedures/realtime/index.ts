import { router } from "../../trpc.ts";
import { conversationTokenProcedure } from "./conversation-token.ts";
import { userTokenProcedure } from "./user-token.ts";

/** realtime.*: tokens to join the live rooms of edge/realtime (see its README). */
export const realtimeRouter = router({
  conversationToken: conversationTokenProcedure,
  userToken: userTokenProcedure,
});
