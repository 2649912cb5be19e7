import { type DbOrTx, payments, payouts, refunds } from "@hometrip/db";
import { and, eq, inArray, or } from "drizzle-orm";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const rowId = (metadata: Record<string, string> | null | undefined, key: string) => {
  const value = metadata?.[key];
  return value && uuid.test(value) ? value : undefined;
};

/** A Stripe refund as refund.created / refund.updated carry it. */
export interface StripeRefundLike {
  id: string;
  status: string | null;
  metadata?: Record<string, string> | null;
}

/**
 * Brings our refund row (found by the id we put in its metadata, or by Stripe's id) to Stripe's
 * status. A final status is never taken back to pending by a late, older event.
 */
export async function applyStripeRefund(db: DbOrTx, refund: StripeRefundLike): Promise<number> {
  const status =
    refund.status === "succeeded"
      ? "succeeded"
      : ["failed", "canceled"].includes(refund.status ?? "")
        ? "failed"
        : "pending";
  const ours = rowId(refund.metadata, "refundId");
  const match = ours
    ? or(eq(refunds.id, ours), eq(refunds.providerRefundId, refund.id))
    : eq(refunds.providerRefundId, refund.id);
  const updated = await db
    .update(refunds)
    .set(status === "pending" ? { providerRefundId: refund.id } : { providerRefundId: refund.id, status })
    .where(match)
    .returning({ id: refunds.id });
  return updated.length;
}

/** A charge as charge.refunded carries it. */
export interface StripeChargeLike {
  payment_intent: string | null;
  amount_captured: number;
  amount_refunded: number;
}

/** The booking payment's refunded state from the charge's running totals (which only grow). */
export async function applyStripeChargeRefunded(db: DbOrTx, charge: StripeChargeLike): Promise<number> {
  if (!charge.payment_intent || charge.amount_refunded <= 0) return 0;
  const status = charge.amount_refunded >= charge.amount_captured ? "refunded" : "partially_refunded";
  const updated = await db
    .update(payments)
    .set({ status })
    .where(
      and(
        eq(payments.providerPaymentId, charge.payment_intent),
        // "refunded" is final; a late partial event must not step it back.
        inArray(payments.status, status === "refunded" ? ["succeeded", "partially_refunded"] : ["succeeded"]),
      ),
    )
    .returning({ id: payments.id });
  return updated.length;
}

/** A transfer as transfer.created / transfer.updated / transfer.reversed carry it. */
export interface StripeTransferLike {
  id: string;
  created: number;
  amount: number;
  amount_reversed: number;
  reversed: boolean;
  metadata?: Record<string, string> | null;
}

/**
 * Records on the payout row what Stripe says about its transfer: paid (the webhook may beat the
 * job's own update after a crash), and what was reversed. The reversed amount only grows, so an
 * older event arriving late changes nothing.
 */
export async function applyStripeTransfer(db: DbOrTx, transfer: StripeTransferLike): Promise<number> {
  const ours = rowId(transfer.metadata, "payoutId");
  const match = ours
    ? or(eq(payouts.id, ours), eq(payouts.providerTransferId, transfer.id))
    : eq(payouts.providerTransferId, transfer.id);
  const rows = await db.select().from(payouts).where(match);
  for (const row of rows) {
    const paid = row.status === "scheduled" || row.status === "in_transit" || row.status === "failed";
    const reversedAmount = Math.max(row.reversedAmount, transfer.amount_reversed);
    await db
      .update(payouts)
      .set({
        providerTransferId: transfer.id,
        reversedAmount,
        ...(paid
          ? { status: "paid" as const, paidAt: new Date(transfer.created * 1000), failureReason: null }
          : {}),
        ...(transfer.reversed ? { status: "cancelled" as const, failureReason: "transfer reversed" } : {}),
      })
      .where(eq(payouts.id, row.id));
  }
  return rows.length;
}
