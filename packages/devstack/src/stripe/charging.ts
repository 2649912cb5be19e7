import { randomBytes } from "node:crypto";
import { outcomeOf } from "./cards.ts";
import type { Deps } from "./deps.ts";
import { StripeApiError } from "./errors.ts";
import type { EmitContext } from "./events.ts";
import { newId, nowSeconds, type StripeObject } from "./state.ts";

export type PaymentIntent = StripeObject & {
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status: string;
  capture_method: "automatic" | "automatic_async" | "manual";
  payment_method: string | null;
  latest_charge: string | null;
  metadata: Record<string, string>;
  next_action: unknown;
  last_payment_error: unknown;
};

export type Charge = StripeObject & {
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  refunded: boolean;
  payment_intent: string;
};

/**
 * Charges the PaymentIntent's card: success (captured now, or held when capture is manual), a
 * decline (402 with the PaymentIntent back in requires_payment_method), or a 3-D Secure challenge
 * answered on the stand-in's page.
 */
export function chargeCard(
  deps: Deps,
  pi: PaymentIntent,
  ctx: EmitContext,
  returnUrl?: string,
): PaymentIntent {
  const outcome = outcomeOf(deps.state, pi.payment_method ?? "");
  if (outcome.kind === "authenticate") {
    const token = randomBytes(16).toString("hex");
    deps.state.tokens[token] = {
      kind: "authenticate",
      target: pi.id,
      returnUrl,
      expiresAt: Date.now() + 24 * 3600_000,
    };
    const next = {
      ...pi,
      status: "requires_action",
      next_action: {
        type: "redirect_to_url",
        redirect_to_url: {
          url: `${deps.baseUrl()}/standin/authenticate/${token}`,
          return_url: returnUrl ?? null,
        },
      },
    };
    deps.state.put(ctx.owner, next);
    deps.emit("payment_intent.requires_action", next, ctx);
    return next;
  }
  if (outcome.kind === "decline") {
    failPayment(deps, pi, ctx, {
      type: "card_error",
      code: outcome.code,
      decline_code: outcome.declineCode,
      message: outcome.message,
    });
  }
  return succeedPayment(deps, pi, ctx);
}

export function succeedPayment(deps: Deps, pi: PaymentIntent, ctx: EmitContext): PaymentIntent {
  const manual = pi.capture_method === "manual";
  const charge: Charge = {
    id: newId("ch"),
    object: "charge",
    created: nowSeconds(),
    amount: pi.amount,
    amount_captured: manual ? 0 : pi.amount,
    amount_refunded: 0,
    captured: !manual,
    refunded: false,
    currency: pi.currency,
    paid: true,
    status: "succeeded",
    payment_intent: pi.id,
    payment_method: pi.payment_method,
    metadata: pi.metadata,
    transfer_group: pi.transfer_group ?? null,
    livemode: false,
  };
  deps.state.put(ctx.owner, charge);
  const next: PaymentIntent = {
    ...pi,
    status: manual ? "requires_capture" : "succeeded",
    amount_capturable: manual ? pi.amount : 0,
    amount_received: manual ? 0 : pi.amount,
    latest_charge: charge.id,
    next_action: null,
    last_payment_error: null,
  };
  deps.state.put(ctx.owner, next);
  deps.emit("charge.succeeded", charge, ctx);
  deps.emit(manual ? "payment_intent.amount_capturable_updated" : "payment_intent.succeeded", next, ctx);
  return next;
}

export function failPayment(
  deps: Deps,
  pi: PaymentIntent,
  ctx: EmitContext,
  error: {
    type: "card_error" | "invalid_request_error";
    code: string;
    message: string;
    decline_code?: string;
  },
): never {
  const lastError = { ...error, payment_method: deps.state.get(pi.payment_method ?? "") ?? null };
  const next: PaymentIntent = {
    ...pi,
    status: "requires_payment_method",
    payment_method: null,
    next_action: null,
    last_payment_error: lastError,
  };
  deps.state.put(ctx.owner, next);
  deps.emit("payment_intent.payment_failed", next, ctx);
  throw new StripeApiError(402, error.type, error.message, {
    code: error.code,
    ...(error.decline_code ? { decline_code: error.decline_code } : {}),
    payment_intent: next,
    payment_method: lastError.payment_method,
  });
}
