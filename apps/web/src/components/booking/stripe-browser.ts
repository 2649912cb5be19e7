import { paymentIntentIdOf } from "./booking-model.ts";

/**
 * The two calls Stripe.js makes for a card payment, made from the browser straight to Stripe's
 * API (the devstack stand-in locally) with the publishable key: confirm the PaymentIntent with
 * the card, and read it back. Card data goes to Stripe only, never to our API.
 */
export type StripeBrowserConfig = { apiBase: string; publishableKey: string };

export type CardInput = { number: string; expMonth: number; expYear: number; cvc: string };

export type PaymentOutcome =
  | { kind: "paid" }
  | { kind: "authenticate"; url: string }
  | { kind: "declined"; error: StripeError }
  | { kind: "pending" };

export type StripeError = { type?: string; code?: string; decline_code?: string; message?: string };

type PaymentIntentReply = {
  status: string;
  next_action?: { redirect_to_url?: { url?: string } } | null;
  last_payment_error?: StripeError | null;
};

export class StripeRequestError extends Error {
  constructor(readonly error: StripeError) {
    super(error.message ?? "Stripe could not be reached");
  }
}

function outcomeOf(pi: PaymentIntentReply): PaymentOutcome {
  if (pi.status === "requires_capture" || pi.status === "succeeded" || pi.status === "processing") {
    return { kind: "paid" };
  }
  const url = pi.next_action?.redirect_to_url?.url;
  if (pi.status === "requires_action" && url) return { kind: "authenticate", url };
  if (pi.status === "requires_payment_method" && pi.last_payment_error) {
    return { kind: "declined", error: pi.last_payment_error };
  }
  return { kind: "pending" };
}

async function call(
  config: StripeBrowserConfig,
  method: "GET" | "POST",
  path: string,
  params: URLSearchParams,
): Promise<{ status: number; body: PaymentIntentReply & { error?: StripeError } }> {
  const url = `${config.apiBase}${path}${method === "GET" ? `?${params}` : ""}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${config.publishableKey}`,
        ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(method === "POST" ? { body: params } : {}),
    });
  } catch {
    throw new StripeRequestError({ message: "The payment service could not be reached. Try again." });
  }
  const body = (await res.json().catch(() => ({}))) as PaymentIntentReply & { error?: StripeError };
  return { status: res.status, body };
}

function intentId(clientSecret: string): string {
  const id = paymentIntentIdOf(clientSecret);
  if (!id) throw new StripeRequestError({ message: "This payment cannot be confirmed. Start again." });
  return id;
}

/**
 * POST /v1/payment_intents/:id/confirm with the card, as Stripe.js's confirmCardPayment does. No
 * return_url: an authentication step is shown in a frame on our page, as Stripe.js does.
 */
export async function confirmCardPayment(
  config: StripeBrowserConfig,
  clientSecret: string,
  card: CardInput,
): Promise<PaymentOutcome> {
  const params = new URLSearchParams({
    client_secret: clientSecret,
    "payment_method_data[type]": "card",
    "payment_method_data[card][number]": card.number.replace(/\s+/g, ""),
    "payment_method_data[card][exp_month]": String(card.expMonth),
    "payment_method_data[card][exp_year]": String(card.expYear),
    "payment_method_data[card][cvc]": card.cvc,
  });
  const { status, body } = await call(
    config,
    "POST",
    `/v1/payment_intents/${intentId(clientSecret)}/confirm`,
    params,
  );
  if (body.error) {
    if (body.error.type === "card_error" || status === 402) return { kind: "declined", error: body.error };
    throw new StripeRequestError(body.error);
  }
  return outcomeOf(body);
}

/** GET /v1/payment_intents/:id with the client secret: where the payment stands now. */
export async function retrievePayment(
  config: StripeBrowserConfig,
  clientSecret: string,
): Promise<PaymentOutcome> {
  const params = new URLSearchParams({ client_secret: clientSecret });
  const { body } = await call(config, "GET", `/v1/payment_intents/${intentId(clientSecret)}`, params);
  if (body.error) throw new StripeRequestError(body.error);
  return outcomeOf(body);
}
