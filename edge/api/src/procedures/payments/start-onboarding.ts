import { startHostOnboarding } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import { startOnboardingMeta, ZStartOnboardingResponseSchema } from "./start-onboarding.types.ts";

/** The host's Express account (made once) and a fresh link to Stripe's onboarding form. */
export const startOnboardingProcedure = hostProcedure
  .meta(startOnboardingMeta)
  .output(ZStartOnboardingResponseSchema)
  .mutation(async ({ ctx }) => {
    const { db, stripe, config, logger } = ctx.services;
    const { url, accountId } = await startHostOnboarding(db, stripe, {
      hostId: ctx.actor.userId,
      appUrl: config.APP_URL,
    });
    logger.info("payout onboarding started", { userId: ctx.actor.userId, accountId });
    return { url };
  });
