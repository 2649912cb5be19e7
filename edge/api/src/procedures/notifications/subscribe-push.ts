import { AppError } from "@hometrip/contracts";
import {
  maxPushSubscriptionsPerUser,
  savePushSubscription,
  TooManyPushSubscriptionsError,
} from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import {
  subscribePushMeta,
  ZSubscribePushRequestSchema,
  ZSubscribePushResponseSchema,
} from "./subscribe-push.types.ts";

export const subscribePushProcedure = sessionProcedure
  .meta(subscribePushMeta)
  .input(ZSubscribePushRequestSchema)
  .output(ZSubscribePushResponseSchema)
  .mutation(async ({ ctx, input }) => {
    try {
      await savePushSubscription(ctx.services.db, ctx.actor.userId, input);
    } catch (error) {
      if (error instanceof TooManyPushSubscriptionsError) {
        throw new AppError("CONFLICT", `At most ${maxPushSubscriptionsPerUser} browsers can receive push`);
      }
      throw error;
    }
    return { subscribed: true as const };
  });
