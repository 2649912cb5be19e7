import { type DbOrTx, hostProfiles } from "@hometrip/db";
import { and, eq, isNull, lte, or } from "drizzle-orm";

/** A Connect account as Stripe reports it (account.updated, accounts.retrieve). */
export interface ConnectAccountState {
  id: string;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
}

export interface HostPayoutStatus {
  accountId: string | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}

/**
 * Whether money can reach this host. Accepting a request and instant booking are refused until
 * it is true: the guest's money would otherwise be held for a host Stripe cannot pay.
 */
export async function hostCanReceivePayouts(db: DbOrTx, hostId: string): Promise<boolean> {
  return (await hostPayoutStatus(db, hostId)).payoutsEnabled;
}

export async function hostPayoutStatus(db: DbOrTx, hostId: string): Promise<HostPayoutStatus> {
  const [row] = await db
    .select({
      accountId: hostProfiles.payoutAccountId,
      chargesEnabled: hostProfiles.chargesEnabled,
      payoutsEnabled: hostProfiles.payoutsEnabled,
      detailsSubmitted: hostProfiles.payoutDetailsSubmitted,
    })
    .from(hostProfiles)
    .where(eq(hostProfiles.userId, hostId));
  return row ?? { accountId: null, chargesEnabled: false, payoutsEnabled: false, detailsSubmitted: false };
}

/** Remembers the host's Connect account (created once per host; Stripe's idempotency makes it the same id). */
export async function saveHostPayoutAccount(db: DbOrTx, hostId: string, accountId: string): Promise<void> {
  await db
    .insert(hostProfiles)
    .values({ userId: hostId, payoutAccountId: accountId })
    .onConflictDoUpdate({ target: hostProfiles.userId, set: { payoutAccountId: accountId } });
}

/**
 * Applies an account's state as of Stripe time `at`. Events arrive out of order: a state older
 * than the one stored is ignored, so a late "payouts disabled" cannot undo a newer "enabled".
 * Returns whether a host row took it.
 */
export async function applyConnectAccountState(
  db: DbOrTx,
  account: ConnectAccountState,
  at: Date,
): Promise<boolean> {
  const updated = await db
    .update(hostProfiles)
    .set({
      chargesEnabled: account.charges_enabled,
      payoutsEnabled: account.payouts_enabled,
      payoutDetailsSubmitted: account.details_submitted,
      payoutStatusAt: at,
    })
    .where(
      and(
        eq(hostProfiles.payoutAccountId, account.id),
        or(isNull(hostProfiles.payoutStatusAt), lte(hostProfiles.payoutStatusAt, at)),
      ),
    )
    .returning({ userId: hostProfiles.userId });
  return updated.length > 0;
}
