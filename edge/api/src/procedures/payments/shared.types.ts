import * as z from "zod";

export const ZPayoutStatusSchema = z.object({
  /** The host started Stripe onboarding (an Express account exists). */
  onboardingStarted: z.boolean(),
  /** The host submitted Stripe's form (it may still be under review). */
  detailsSubmitted: z.boolean(),
  chargesEnabled: z.boolean(),
  /** Money can reach the host: accepting requests and instant book need this. */
  payoutsEnabled: z.boolean(),
});
