import type Stripe from "stripe";

/** A host's Express account, one per host however often onboarding is started. */
export function createExpressAccount(
  stripe: Stripe,
  host: { hostId: string; email: string; country?: string },
): Promise<Stripe.Account> {
  return stripe.accounts.create(
    {
      type: "express",
      email: host.email,
      ...(host.country ? { country: host.country } : {}),
      capabilities: { transfers: { requested: true } },
      metadata: { hostId: host.hostId },
    },
    { idempotencyKey: `host:${host.hostId}:express-account` },
  );
}

/** Stripe-hosted onboarding; a link is single-use and short-lived, so one is made per click. */
export async function onboardingLink(
  stripe: Stripe,
  link: { accountId: string; returnUrl: string; refreshUrl: string },
): Promise<string> {
  const created = await stripe.accountLinks.create({
    account: link.accountId,
    type: "account_onboarding",
    return_url: link.returnUrl,
    refresh_url: link.refreshUrl,
  });
  return created.url;
}

/** A sign-in link to the host's Express dashboard (only once onboarding was submitted). */
export async function loginLink(stripe: Stripe, accountId: string): Promise<string> {
  return (await stripe.accounts.createLoginLink(accountId)).url;
}

export function retrieveAccount(stripe: Stripe, accountId: string): Promise<Stripe.Account> {
  return stripe.accounts.retrieve(accountId);
}

/**
 * Pays a host. The idempotency key is the payout row's id: a job that crashed after Stripe
 * answered and runs again gets the same transfer back instead of paying twice.
 */
export function createTransfer(
  stripe: Stripe,
  payout: {
    payoutId: string;
    bookingId: string;
    hostId: string;
    destination: string;
    amount: number;
    currency: string;
  },
): Promise<Stripe.Transfer> {
  return stripe.transfers.create(
    {
      amount: payout.amount,
      currency: payout.currency.toLowerCase(),
      destination: payout.destination,
      transfer_group: payout.bookingId,
      metadata: { payoutId: payout.payoutId, bookingId: payout.bookingId, hostId: payout.hostId },
    },
    { idempotencyKey: `payout:${payout.payoutId}` },
  );
}

/** Takes back (part of) a transfer, e.g. when a paid stay is refunded; keyed by the caller's reversal id. */
export function reverseTransfer(
  stripe: Stripe,
  reversal: { transferId: string; reversalId: string; amount?: number },
): Promise<Stripe.TransferReversal> {
  return stripe.transfers.createReversal(
    reversal.transferId,
    {
      ...(reversal.amount ? { amount: reversal.amount } : {}),
      metadata: { reversalId: reversal.reversalId },
    },
    { idempotencyKey: `reversal:${reversal.reversalId}` },
  );
}
