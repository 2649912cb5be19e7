import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZStartOnboardingResponseSchema = z.object({
  /** Stripe's hosted onboarding form; single use, expires within minutes. */
  url: z.url(),
});
export type TStartOnboardingResponse = z.output<typeof ZStartOnboardingResponseSchema>;

export const startOnboardingMeta = { summary: "Start or resume payout setup with Stripe" } satisfies TrpcMeta;
