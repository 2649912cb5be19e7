export {
  applyConnectAccountState,
  type ConnectAccountState,
  type HostPayoutStatus,
  hostCanReceivePayouts,
  hostPayoutStatus,
  saveHostPayoutAccount,
} from "./payout-accounts.ts";
export { recordStripeEvent, type StripeEventLike } from "./stripe-events.ts";
export {
  applyStripeChargeRefunded,
  applyStripeRefund,
  applyStripeTransfer,
  type StripeChargeLike,
  type StripeRefundLike,
  type StripeTransferLike,
} from "./stripe-sync.ts";
