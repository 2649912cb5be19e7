import { type Database, payments, payouts, refunds } from "@hometrip/db";
import type { Stripe } from "@hometrip/payments";
import { gte, isNotNull } from "drizzle-orm";

export interface Difference {
  kind: "payment" | "refund" | "transfer";
  /** Our row id, or Stripe's id when we have no row. */
  id: string;
  stripeId: string | null;
  problem: string;
}

const capturedLocally = new Set(["succeeded", "refunded", "partially_refunded"]);
const refundStatus = (s: string | null) =>
  s === "succeeded" ? "succeeded" : s === "failed" || s === "canceled" ? "failed" : "pending";

/**
 * Compares our payments, refunds and payouts since `since` with Stripe's payment intents,
 * refunds and transfers, and lists every difference: missing on either side, amounts, statuses.
 * Read-only: what to do about a difference is a person's decision.
 */
export async function reconcilePayments(
  db: Database,
  stripe: Stripe,
  opts: { since: Date },
): Promise<Difference[]> {
  const created = { gte: Math.floor(opts.since.getTime() / 1000) };
  const [intents, stripeRefunds, transfers] = await Promise.all([
    collect(stripe.paymentIntents.list({ created, limit: 100 })),
    collect(stripe.refunds.list({ created, limit: 100 })),
    collect(stripe.transfers.list({ created, limit: 100 })),
  ]);
  const differences: Difference[] = [];
  const note = (d: Difference) => differences.push(d);

  const localPayments = await db.select().from(payments).where(gte(payments.createdAt, opts.since));
  const intentById = new Map(intents.map((pi) => [pi.id, pi]));
  for (const p of localPayments.filter((row) => row.providerPaymentId)) {
    const pi = intentById.get(p.providerPaymentId!);
    intentById.delete(p.providerPaymentId!);
    const base = { kind: "payment" as const, id: p.id, stripeId: p.providerPaymentId };
    if (!pi) note({ ...base, problem: "not found at Stripe" });
    else if (pi.amount !== p.amount)
      note({ ...base, problem: `amount ${p.amount} here, ${pi.amount} at Stripe` });
    else if (capturedLocally.has(p.status) !== (pi.status === "succeeded")) {
      note({ ...base, problem: `status ${p.status} here, ${pi.status} at Stripe` });
    }
  }
  for (const pi of intentById.values()) {
    if (pi.metadata?.bookingId && (pi.status === "succeeded" || pi.status === "requires_capture")) {
      note({
        kind: "payment",
        id: pi.id,
        stripeId: pi.id,
        problem: `${pi.status} at Stripe (booking ${pi.metadata.bookingId}) but no payment here`,
      });
    }
  }

  const localRefunds = await db.select().from(refunds).where(gte(refunds.createdAt, opts.since));
  const refundById = new Map(stripeRefunds.map((r) => [r.id, r]));
  const refundByOurs = new Map(
    stripeRefunds.filter((r) => r.metadata?.refundId).map((r) => [r.metadata!.refundId!, r]),
  );
  for (const r of localRefunds) {
    const theirs = (r.providerRefundId && refundById.get(r.providerRefundId)) || refundByOurs.get(r.id);
    const base = { kind: "refund" as const, id: r.id, stripeId: theirs?.id ?? r.providerRefundId };
    if (theirs) {
      refundById.delete(theirs.id);
      if (theirs.amount !== r.amount)
        note({ ...base, problem: `amount ${r.amount} here, ${theirs.amount} at Stripe` });
      else if (refundStatus(theirs.status) !== r.status)
        note({ ...base, problem: `status ${r.status} here, ${theirs.status} at Stripe` });
    } else if (r.providerRefundId || r.status !== "pending")
      note({ ...base, problem: "not found at Stripe" });
  }
  for (const theirs of refundById.values()) {
    note({
      kind: "refund",
      id: theirs.id,
      stripeId: theirs.id,
      problem: `refund of ${theirs.amount} at Stripe but none here`,
    });
  }

  const localPayouts = await db.select().from(payouts).where(isNotNull(payouts.providerTransferId));
  const transferById = new Map(transfers.map((t) => [t.id, t]));
  for (const p of localPayouts) {
    const t = transferById.get(p.providerTransferId!);
    transferById.delete(p.providerTransferId!);
    const base = { kind: "transfer" as const, id: p.id, stripeId: p.providerTransferId };
    if (!t) {
      if (p.updatedAt >= opts.since) note({ ...base, problem: "not found at Stripe" });
    } else if (t.amount !== p.amount)
      note({ ...base, problem: `amount ${p.amount} here, ${t.amount} at Stripe` });
    else if (t.amount_reversed !== p.reversedAmount) {
      note({ ...base, problem: `reversed ${p.reversedAmount} here, ${t.amount_reversed} at Stripe` });
    }
  }
  for (const t of transferById.values()) {
    note({
      kind: "transfer",
      id: t.id,
      stripeId: t.id,
      problem: `transfer of ${t.amount} to ${String(t.destination)} at Stripe but no payout here`,
    });
  }
  return differences;
}

async function collect<T extends { id: string }>(list: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of list) all.push(item);
  return all;
}

export function formatDifference(d: Difference): string {
  return `${d.kind} ${d.id}${d.stripeId && d.stripeId !== d.id ? ` (${d.stripeId})` : ""}: ${d.problem}`;
}
