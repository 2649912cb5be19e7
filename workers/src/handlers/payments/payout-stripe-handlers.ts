import {
  applyConnectAccountState,
  applyStripeChargeRefunded,
  applyStripeRefund,
  applyStripeTransfer,
  type ConnectAccountState,
  type StripeChargeLike,
  type StripeRefundLike,
  type StripeTransferLike,
} from "@hometrip/core";
import type { StripeEventContext, StripeEventHandler, StripeEventHandlerTable } from "./stripe-dispatch.ts";

const objectOf = <T>(ctx: StripeEventContext) => ctx.stripeEvent.data.object as unknown as T;

const accountUpdated: StripeEventHandler = async (ctx) => {
  const account = objectOf<ConnectAccountState>(ctx);
  const applied = await applyConnectAccountState(ctx.tx, account, new Date(ctx.stripeEvent.created * 1000));
  // An older event than the state stored, or an account no host has (yet): nothing to change.
  if (!applied) ctx.log.info("account.updated not applied", { account: account.id });
};

const refundChanged: StripeEventHandler = async (ctx) => {
  await applyStripeRefund(ctx.tx, objectOf<StripeRefundLike>(ctx));
};

const chargeRefunded: StripeEventHandler = async (ctx) => {
  await applyStripeChargeRefunded(ctx.tx, objectOf<StripeChargeLike>(ctx));
};

const transferChanged: StripeEventHandler = async (ctx) => {
  await applyStripeTransfer(ctx.tx, objectOf<StripeTransferLike>(ctx));
};

/** Host payout status, refunds and transfers, as Stripe reports them. */
export const payoutStripeHandlers: StripeEventHandlerTable = {
  "account.updated": accountUpdated,
  "refund.created": refundChanged,
  "refund.updated": refundChanged,
  "refund.failed": refundChanged,
  "charge.refunded": chargeRefunded,
  "transfer.created": transferChanged,
  "transfer.updated": transferChanged,
  "transfer.reversed": transferChanged,
};
