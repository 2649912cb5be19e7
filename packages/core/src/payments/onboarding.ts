import { AppError } from "@hometrip/contracts";
import { type Database, users } from "@hometrip/db";
import {
  createExpressAccount,
  loginLink,
  onboardingLink,
  retrieveAccount,
  type Stripe,
} from "@hometrip/payments";
import { eq } from "drizzle-orm";
import {
  applyConnectAccountState,
  type HostPayoutStatus,
  hostPayoutStatus,
  saveHostPayoutAccount,
} from "./payout-accounts.ts";

/** Where Stripe's hosted pages send the host back to (the web app's payouts page). */
export const payoutsPagePath = "/host/payouts";

/**
 * Starts (or resumes) Stripe onboarding: the host's Express account, created once, and a fresh
 * single-use link to Stripe's form. Returning from it lands on the payouts page.
 */
export async function startHostOnboarding(
  db: Database,
  stripe: Stripe,
  opts: { hostId: string; appUrl: string },
): Promise<{ url: string; accountId: string }> {
  let { accountId } = await hostPayoutStatus(db, opts.hostId);
  if (!accountId) {
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, opts.hostId));
    if (!user) throw new AppError("NOT_FOUND", "No such host");
    accountId = (await createExpressAccount(stripe, { hostId: opts.hostId, email: user.email })).id;
    await saveHostPayoutAccount(db, opts.hostId, accountId);
  }
  const page = new URL(payoutsPagePath, opts.appUrl);
  const url = await onboardingLink(stripe, {
    accountId,
    returnUrl: `${page}?onboarding=done`,
    refreshUrl: `${page}?onboarding=retry`,
  });
  return { url, accountId };
}

/**
 * The host's payout status. Until payouts are enabled it is also asked of Stripe: a host back
 * from onboarding should not wait for the account.updated webhook to see the result.
 */
export async function refreshHostPayoutStatus(
  db: Database,
  stripe: Stripe,
  hostId: string,
  now: Date,
): Promise<HostPayoutStatus> {
  const stored = await hostPayoutStatus(db, hostId);
  if (!stored.accountId || stored.payoutsEnabled) return stored;
  const account = await retrieveAccount(stripe, stored.accountId);
  await applyConnectAccountState(db, account, now);
  return hostPayoutStatus(db, hostId);
}

/** A sign-in link to the host's Express dashboard; refused until onboarding was submitted. */
export async function hostDashboardLink(db: Database, stripe: Stripe, hostId: string): Promise<string> {
  const status = await hostPayoutStatus(db, hostId);
  if (!status.accountId || !status.detailsSubmitted) {
    throw new AppError(
      "CONFLICT",
      "Finish setting up payouts first: the Stripe dashboard opens once onboarding is submitted",
    );
  }
  return loginLink(stripe, status.accountId);
}
