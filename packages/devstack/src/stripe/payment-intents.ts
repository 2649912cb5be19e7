import { randomBytes } from "node:crypto";
import { resolvePaymentMethod } from "./cards.ts";
import { type Charge, chargeCard, type PaymentIntent } from "./charging.ts";
import type { Deps } from "./deps.ts";
import { invalid, missing, unexpectedState } from "./errors.ts";
import type { ApiRequest, ApiRoute } from "./http.ts";
import { listReply } from "./list.ts";
import { bool, currency, int, mergeMetadata, positiveAmount, str } from "./params.ts";
import { newId, nowSeconds } from "./state.ts";

const CANCELABLE = new Set([
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "requires_capture",
]);
const CONFIRMABLE = new Set(["requires_payment_method", "requires_confirmation", "requires_action"]);
const CANCELLATION_REASONS = new Set(["duplicate", "fraudulent", "requested_by_customer", "abandoned"]);

export function paymentIntentRoutes(deps: Deps): ApiRoute[] {
  const { state } = deps;

  /** The PaymentIntent the caller may see: a publishable key must also present its client secret. */
  function load(req: ApiRequest): PaymentIntent {
    const id = req.params[0] ?? "";
    const pi = state.get<PaymentIntent>(id, req.owner);
    if (pi?.object !== "payment_intent") throw missing("payment_intent", id, "intent");
    if (req.keyKind === "publishable" && str(req.body, "client_secret") !== pi.client_secret) {
      throw missing("payment_intent", id, "intent");
    }
    return pi;
  }

  function confirm(req: ApiRequest, pi: PaymentIntent): PaymentIntent {
    if (!CONFIRMABLE.has(pi.status)) throw unexpectedState("PaymentIntent", pi.id, pi.status, "confirm");
    const paymentMethod = resolvePaymentMethod(state, req.owner, req.body) ?? pi.payment_method;
    if (!paymentMethod) {
      throw invalid(
        "You cannot confirm this PaymentIntent because it's missing a payment method.",
        "payment_method",
        "payment_intent_unexpected_state",
      );
    }
    const ready = state.put(req.owner, {
      ...pi,
      payment_method: paymentMethod,
      status: "requires_confirmation",
    });
    return chargeCard(deps, ready, req.event, str(req.body, "return_url"));
  }

  return [
    {
      method: "POST",
      path: /^\/v1\/payment_intents$/,
      handle(req) {
        const captureMethod = str(req.body, "capture_method") ?? "automatic_async";
        if (!["automatic", "automatic_async", "manual"].includes(captureMethod)) {
          throw invalid(`Invalid capture_method: ${captureMethod}`, "capture_method");
        }
        const id = newId("pi");
        const pi: PaymentIntent = {
          id,
          object: "payment_intent",
          created: nowSeconds(),
          amount: positiveAmount(req.body, "amount", true)!,
          amount_capturable: 0,
          amount_received: 0,
          currency: currency(req.body, true)!,
          status: "requires_payment_method",
          capture_method: captureMethod as PaymentIntent["capture_method"],
          client_secret: `${id}_secret_${randomBytes(12).toString("base64url")}`,
          confirmation_method: "automatic",
          description: str(req.body, "description") ?? null,
          payment_method: resolvePaymentMethod(state, req.owner, req.body) ?? null,
          payment_method_types: ["card"],
          latest_charge: null,
          next_action: null,
          last_payment_error: null,
          canceled_at: null,
          cancellation_reason: null,
          transfer_group: str(req.body, "transfer_group") ?? null,
          on_behalf_of: str(req.body, "on_behalf_of") ?? null,
          receipt_email: str(req.body, "receipt_email") ?? null,
          metadata: mergeMetadata({}, req.body),
          livemode: false,
        };
        if (pi.payment_method) pi.status = "requires_confirmation";
        state.put(req.owner, pi);
        deps.emit("payment_intent.created", pi, req.event);
        return bool(req.body, "confirm") ? confirm(req, pi) : pi;
      },
    },
    {
      method: "GET",
      path: /^\/v1\/payment_intents$/,
      handle: (req) => listReply("/v1/payment_intents", state.all("payment_intent", req.owner), req.body),
    },
    { method: "GET", path: /^\/v1\/payment_intents\/([^/]+)$/, publishable: true, handle: load },
    {
      method: "POST",
      path: /^\/v1\/payment_intents\/([^/]+)$/,
      handle(req) {
        const pi = load(req);
        if (pi.status === "succeeded" || pi.status === "canceled") {
          throw unexpectedState("PaymentIntent", pi.id, pi.status, "update");
        }
        const amount = positiveAmount(req.body, "amount", false);
        const paymentMethod = resolvePaymentMethod(state, req.owner, req.body);
        const next = {
          ...pi,
          ...(amount !== undefined && pi.status !== "requires_capture" ? { amount } : {}),
          ...(paymentMethod ? { payment_method: paymentMethod, status: "requires_confirmation" } : {}),
          description: str(req.body, "description") ?? pi.description,
          metadata: mergeMetadata(pi.metadata, req.body),
        };
        return state.put(req.owner, next);
      },
    },
    {
      method: "POST",
      path: /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
      publishable: true,
      handle: (req) => confirm(req, load(req)),
    },
    {
      method: "POST",
      path: /^\/v1\/payment_intents\/([^/]+)\/capture$/,
      handle(req) {
        const pi = load(req);
        if (pi.status !== "requires_capture")
          throw unexpectedState("PaymentIntent", pi.id, pi.status, "capture");
        const amount = int(req.body, "amount_to_capture") ?? pi.amount_capturable;
        if (amount < 1 || amount > pi.amount_capturable) {
          throw invalid(
            `The amount_to_capture must be between 1 and the amount capturable (${pi.amount_capturable}).`,
            "amount_to_capture",
            "amount_too_large",
          );
        }
        const charge = state.get<Charge>(pi.latest_charge ?? "");
        if (charge) {
          const captured = { ...charge, captured: true, amount_captured: amount };
          state.put(req.owner, captured);
          deps.emit("charge.captured", captured, req.event);
        }
        const next = { ...pi, status: "succeeded", amount_received: amount, amount_capturable: 0 };
        state.put(req.owner, next);
        deps.emit("payment_intent.succeeded", next, req.event);
        return next;
      },
    },
    {
      method: "POST",
      path: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      handle(req) {
        const pi = load(req);
        if (!CANCELABLE.has(pi.status)) throw unexpectedState("PaymentIntent", pi.id, pi.status, "cancel");
        const reason = str(req.body, "cancellation_reason") ?? null;
        if (reason && !CANCELLATION_REASONS.has(reason)) {
          throw invalid(`Invalid cancellation_reason: ${reason}`, "cancellation_reason");
        }
        const next = {
          ...pi,
          status: "canceled",
          amount_capturable: 0,
          canceled_at: nowSeconds(),
          cancellation_reason: reason,
          next_action: null,
        };
        state.put(req.owner, next);
        deps.emit("payment_intent.canceled", next, req.event);
        return next;
      },
    },
    {
      method: "GET",
      path: /^\/v1\/charges\/([^/]+)$/,
      handle(req) {
        const charge = state.get(req.params[0] ?? "", req.owner);
        if (charge?.object !== "charge") throw missing("charge", req.params[0] ?? "", "charge");
        return charge;
      },
    },
    {
      method: "GET",
      path: /^\/v1\/charges$/,
      handle(req) {
        const filter = str(req.body, "payment_intent");
        const charges = state
          .all<Charge>("charge", req.owner)
          .filter((c) => !filter || c.payment_intent === filter);
        return listReply("/v1/charges", charges, req.body);
      },
    },
  ];
}
