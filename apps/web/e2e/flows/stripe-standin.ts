/** What the Stripe stand-in holds, read over its HTTP API with the stack's test-mode key, as Stripe. */
export interface StandInPaymentIntent {
  id: string;
  status: string;
  metadata: Record<string, string>;
}

/** The newest payment intent whose metadata names this booking. */
export async function stripeIntentOf(bookingId: string): Promise<StandInPaymentIntent> {
  const res = await fetch(`${process.env.E2E_STRIPE_URL}/v1/payment_intents?limit=100`, {
    headers: { authorization: `Bearer ${process.env.E2E_STRIPE_SECRET_KEY}` },
  });
  if (!res.ok) throw new Error(`stand-in answered ${res.status}: ${await res.text()}`);
  const list = (await res.json()) as { data: StandInPaymentIntent[] };
  const intent = list.data.find((pi) => pi.metadata?.bookingId === bookingId);
  if (!intent) throw new Error(`no payment intent for booking ${bookingId}`);
  return intent;
}
