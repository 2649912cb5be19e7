import type { Charge, PaymentIntent } from "./charging.ts";
import type { Deps } from "./deps.ts";
import { invalid, missing } from "./errors.ts";
import type { ApiRoute } from "./http.ts";
import { listReply } from "./list.ts";
import { mergeMetadata, positiveAmount, str } from "./params.ts";
import { newId, nowSeconds, type StripeObject } from "./state.ts";

const REASONS = new Set(["duplicate", "fraudulent", "requested_by_customer"]);

type Refund = StripeObject & { amount: number; charge: string; payment_intent: string; status: string };

/** Refunds of a captured payment, full or partial; each one succeeds at once (as in test mode). */
export function refundRoutes(deps: Deps): ApiRoute[] {
  const { state } = deps;
  return [
    {
      method: "POST",
      path: /^\/v1\/refunds$/,
      handle(req) {
        const piId = str(req.body, "payment_intent");
        const chargeId = str(req.body, "charge");
        if (!piId && !chargeId)
          throw invalid("One of `charge` or `payment_intent` is required.", "payment_intent");
        const pi = piId ? state.get<PaymentIntent>(piId, req.owner) : undefined;
        if (piId && pi?.object !== "payment_intent") throw missing("payment_intent", piId, "payment_intent");
        const charge = state.get<Charge>(chargeId ?? pi?.latest_charge ?? "", req.owner);
        if (charge?.object !== "charge" || !charge.captured) {
          throw invalid(
            `This PaymentIntent (${piId ?? chargeId}) does not have a successful charge to refund.`,
            "payment_intent",
            "charge_not_refundable",
          );
        }
        const remaining = charge.amount_captured - charge.amount_refunded;
        if (remaining <= 0) {
          throw invalid(
            `Charge ${charge.id} has already been refunded.`,
            "charge",
            "charge_already_refunded",
          );
        }
        const amount = positiveAmount(req.body, "amount", false) ?? remaining;
        if (amount > remaining) {
          throw invalid(
            `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
            "amount",
            "amount_too_large",
          );
        }
        const reason = str(req.body, "reason") ?? null;
        if (reason && !REASONS.has(reason)) throw invalid(`Invalid reason: ${reason}`, "reason");
        const refund: Refund = {
          id: newId("re"),
          object: "refund",
          created: nowSeconds(),
          amount,
          charge: charge.id,
          currency: charge.currency,
          payment_intent: charge.payment_intent,
          reason,
          status: "succeeded",
          metadata: mergeMetadata({}, req.body),
          balance_transaction: newId("txn"),
        };
        state.put(req.owner, refund);
        const refundedTotal = charge.amount_refunded + amount;
        const refundedCharge: Charge = {
          ...charge,
          amount_refunded: refundedTotal,
          refunded: refundedTotal === charge.amount_captured,
        };
        state.put(req.owner, refundedCharge);
        deps.emit("refund.created", refund, req.event);
        deps.emit("charge.refunded", refundedCharge, req.event, { amount_refunded: charge.amount_refunded });
        return refund;
      },
    },
    {
      method: "GET",
      path: /^\/v1\/refunds$/,
      handle(req) {
        const pi = str(req.body, "payment_intent");
        const charge = str(req.body, "charge");
        const refunds = state
          .all<Refund>("refund", req.owner)
          .filter((r) => (!pi || r.payment_intent === pi) && (!charge || r.charge === charge));
        return listReply("/v1/refunds", refunds, req.body);
      },
    },
    {
      method: "GET",
      path: /^\/v1\/refunds\/([^/]+)$/,
      handle(req) {
        const refund = state.get(req.params[0] ?? "", req.owner);
        if (refund?.object !== "refund") throw missing("refund", req.params[0] ?? "", "refund");
        return refund;
      },
    },
    {
      method: "POST",
      path: /^\/v1\/refunds\/([^/]+)$/,
      handle(req) {
        const refund = state.get<Refund>(req.params[0] ?? "", req.owner);
        if (refund?.object !== "refund") throw missing("refund", req.params[0] ?? "", "refund");
        const next = {
          ...refund,
          metadata: mergeMetadata(refund.metadata as Record<string, string>, req.body),
        };
        state.put(req.owner, next);
        deps.emit("refund.updated", next, req.event, { metadata: refund.metadata });
        return next;
      },
    },
  ];
}
