export { type HostPayoutLine, listHostPayouts } from "./host-payouts.ts";
export {
  hostDashboardLink,
  payoutsPagePath,
  refreshHostPayoutStatus,
  startHostOnboarding,
} from "./onboarding.ts";
export {
  applyConnectAccountState,
  type ConnectAccountState,
  type HostPayoutStatus,
  hostCanReceivePayouts,
  hostPayoutStatus,
  saveHostPayoutAccount,
} from "./payout-accounts.ts";
export { hostPayoutAmountSql, PAYOUT_DELAY_HOURS, PAYOUT_RELEASE_SQL } from "./payout-amount.ts";
export {
  claimPayout,
  type PayoutOutcome,
  type PayoutRunTotals,
  releaseDuePayouts,
  releasePayout,
  schedulePayouts,
} from "./payouts.ts";
export { type Difference, formatDifference, reconcilePayments } from "./reconcile.ts";
export { recordStripeEvent, type StripeEventLike } from "./stripe-events.ts";
export {
  applyStripeChargeRefunded,
  applyStripeRefund,
  applyStripeTransfer,
  type StripeChargeLike,
  type StripeRefundLike,
  type StripeTransferLike,
} from "./stripe-sync.ts";
