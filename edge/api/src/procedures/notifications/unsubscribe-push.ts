import { removePushSubscription } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import {
  unsubscribePushMeta,
  ZUnsubscribePushRequestSchema,
  ZUnsubscribePushResponseSchema,
} from "./unsubscribe-push.types.ts";

/** Only the caller's own subscription is removed; another member's endpoint answers removed: false. */
export const unsubscribePushProcedure = sessionProcedure
  .meta(unsubscribePushMeta)
  .input(ZUnsubscribePushRequestSchema)
  .output(ZUnsubscribePushResponseSchema)
  .mutation(async ({ ctx, input }) => ({
    removed: await removePushSubscription(ctx.services.db, ctx.actor.userId, input.endpoint),
  }));
