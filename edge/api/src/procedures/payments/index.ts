import { router } from "../../trpc.ts";
import { dashboardLinkProcedure } from "./dashboard-link.ts";
import { listPayoutsProcedure } from "./list-payouts.ts";
import { payoutStatusProcedure } from "./payout-status.ts";
import { startOnboardingProcedure } from "./start-onboarding.ts";

export const paymentsRouter = router({
  startOnboarding: startOnboardingProcedure,
  payoutStatus: payoutStatusProcedure,
  dashboardLink: dashboardLinkProcedure,
  listPayouts: listPayoutsProcedure,
});
