import { refreshHostPayoutStatus } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import { payoutStatusMeta, ZPayoutStatusResponseSchema } from "./payout-status.types.ts";

/** Read from our copy; asked of Stripe too until payouts are enabled (the host may be just back from onboarding). */
export const payoutStatusProcedure = hostProcedure
  .meta(payoutStatusMeta)
  .output(ZPayoutStatusResponseSchema)
  .query(async ({ ctx }) => {
    const { db, stripe, clock } = ctx.services;
    const status = await refreshHostPayoutStatus(db, stripe, ctx.actor.userId, clock.now());
    return {
      onboardingStarted: status.accountId !== null,
      detailsSubmitted: status.detailsSubmitted,
      chargesEnabled: status.chargesEnabled,
      payoutsEnabled: status.payoutsEnabled,
    };
  });
