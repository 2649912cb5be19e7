import { invalid } from "./errors.ts";
import type { FormObject } from "./form.ts";
import { int, obj, requiredStr } from "./params.ts";
import { newId, nowSeconds, type Owner, type StripeObject, type StripeState } from "./state.ts";

/** What a test card does when charged, after Stripe's documented test numbers. */
export type CardOutcome =
  | { kind: "success" }
  | { kind: "decline"; declineCode: string; code: string; message: string }
  | { kind: "authenticate" };

const DECLINED = {
  kind: "decline",
  code: "card_declined",
  declineCode: "generic_decline",
  message: "Your card was declined.",
} as const;
const INSUFFICIENT = {
  kind: "decline",
  code: "card_declined",
  declineCode: "insufficient_funds",
  message: "Your card has insufficient funds.",
} as const;

export const TEST_CARDS: Record<string, { brand: string; outcome: CardOutcome }> = {
  "4242424242424242": { brand: "visa", outcome: { kind: "success" } },
  "5555555555554444": { brand: "mastercard", outcome: { kind: "success" } },
  "4000000000000002": { brand: "visa", outcome: DECLINED },
  "4000000000009995": { brand: "visa", outcome: INSUFFICIENT },
  "4000000000000069": {
    brand: "visa",
    outcome: {
      kind: "decline",
      code: "expired_card",
      declineCode: "expired_card",
      message: "Your card has expired.",
    },
  },
  "4000002500003155": { brand: "visa", outcome: { kind: "authenticate" } },
};

/** Stripe's shared test PaymentMethods; each use makes a fresh `pm_` as Stripe does. */
const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_mastercard: "5555555555554444",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_visa_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_visa_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_authenticationRequired: "4000002500003155",
  pm_card_threeDSecure2Required: "4000002500003155",
};

export function outcomeOf(state: StripeState, paymentMethodId: string): CardOutcome {
  const number = state.hidden(paymentMethodId).number ?? "";
  return TEST_CARDS[number]?.outcome ?? { kind: "success" };
}

export function createCardPaymentMethod(state: StripeState, owner: Owner, card: FormObject): StripeObject {
  const number = requiredStr(card, "number").replace(/\s+/g, "");
  if (!/^\d{12,19}$/.test(number)) {
    throw Object.assign(invalid("Your card number is incorrect.", "card[number]", "incorrect_number"), {});
  }
  const expMonth = int(card, "exp_month") ?? 12;
  const expYear = int(card, "exp_year") ?? new Date().getUTCFullYear() + 2;
  return state.put(
    owner,
    {
      id: newId("pm"),
      object: "payment_method",
      created: nowSeconds(),
      type: "card",
      livemode: false,
      customer: null,
      metadata: {},
      billing_details: { address: null, email: null, name: null, phone: null },
      card: {
        brand: TEST_CARDS[number]?.brand ?? "visa",
        last4: number.slice(-4),
        exp_month: expMonth,
        exp_year: expYear,
        funding: "credit",
        country: "US",
      },
    },
    { number },
  );
}

/** `payment_method=pm_…` (ours or a test id) or `payment_method_data[type]=card&…[card][number]=…`. */
export function resolvePaymentMethod(
  state: StripeState,
  owner: Owner,
  params: FormObject,
): string | undefined {
  const data = obj(params, "payment_method_data");
  if (data) {
    const card = obj(data, "card");
    if (!card)
      throw invalid("Missing required param: payment_method_data[card].", "payment_method_data[card]");
    return createCardPaymentMethod(state, owner, card).id;
  }
  const id = params.payment_method;
  if (id === undefined) return undefined;
  if (typeof id !== "string") throw invalid("Invalid string: payment_method", "payment_method");
  const testNumber = TEST_PAYMENT_METHODS[id];
  if (testNumber) return createCardPaymentMethod(state, owner, { number: testNumber }).id;
  if (state.get(id, owner)?.object !== "payment_method") {
    throw invalid(`No such PaymentMethod: '${id}'`, "payment_method", "resource_missing");
  }
  return id;
}
