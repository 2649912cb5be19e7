import { type Database, hostProfiles, payouts } from "@hometrip/db";
import { createTransfer, paymentFailureOf, type Stripe } from "@hometrip/payments";
import { and, eq, sql } from "drizzle-orm";
import { recordEvent } from "../events/record-event.ts";
import type { Logger } from "../logger.ts";
import { hostPayoutAmountSql, PAYOUT_RELEASE_SQL } from "./payout-amount.ts";

type PayoutRow = typeof payouts.$inferSelect;

/**
 * Creates the payout row of every confirmed (or already completed) stay whose release time has
 * come. The unique booking_id makes a second run, or two at once, insert nothing new.
 */
export async function schedulePayouts(db: Database, now: Date): Promise<number> {
  const result = await db.execute(sql`
    insert into payouts (host_id, booking_id, amount, currency, status, scheduled_for)
    select l.host_id, b.id, ${hostPayoutAmountSql("b")}, b.currency, 'scheduled', b.check_in + 1
    from bookings b join listings l on l.id = b.listing_id
    where b.status in ('confirmed', 'completed') and ${PAYOUT_RELEASE_SQL} <= ${now.toISOString()}::timestamptz
    on conflict (booking_id) do nothing`);
  return result.rowCount ?? 0;
}

/**
 * Takes one due payout for this run, in its own transaction: scheduled ones, and ones a run
 * claimed but never finished (it crashed) once their lease is over. SKIP LOCKED lets runs overlap.
 */
export async function claimPayout(
  db: Database,
  now: Date,
  leaseMs: number,
  skip: readonly string[] = [],
): Promise<PayoutRow | undefined> {
  const staleBefore = new Date(now.getTime() - leaseMs).toISOString();
  const skipped =
    skip.length > 0
      ? sql`and id not in (${sql.join(
          skip.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;
  const rows = await db.execute<{ id: string }>(sql`
    update payouts set status = 'in_transit', claimed_at = ${now.toISOString()}::timestamptz, updated_at = now()
    where id = (
      select id from payouts
      where (status = 'scheduled' or (status = 'in_transit' and claimed_at < ${staleBefore}::timestamptz))
        ${skipped}
      order by scheduled_for, id
      limit 1
      for update skip locked)
    returning id`);
  const id = rows.rows[0]?.id;
  if (!id) return undefined;
  const [row] = await db.select().from(payouts).where(eq(payouts.id, id));
  return row;
}

export type PayoutOutcome = "released" | "waiting_for_host" | "failed" | "retry_later";

/**
 * Pays one claimed payout. The Stripe idempotency key is the payout id, so a run that dies
 * after Stripe answered and before the row says "paid" gets the same transfer back next time;
 * past Stripe's 24 h key lifetime the transfer is found by its transfer group instead.
 */
export async function releasePayout(
  db: Database,
  stripe: Stripe,
  payout: PayoutRow,
  opts: { log: Logger; afterTransfer?: () => Promise<void> },
): Promise<PayoutOutcome> {
  const [host] = await db.select().from(hostProfiles).where(eq(hostProfiles.userId, payout.hostId));
  if (!host?.payoutAccountId || !host.payoutsEnabled || !payout.bookingId) {
    await db
      .update(payouts)
      .set({ status: "scheduled", claimedAt: null, failureReason: "host payouts are not enabled yet" })
      .where(eq(payouts.id, payout.id));
    return "waiting_for_host";
  }
  let transfer: Stripe.Transfer;
  try {
    const earlier =
      payout.claimedAt && payout.providerTransferId === null ? await findTransfer(stripe, payout) : undefined;
    transfer =
      earlier ??
      (await createTransfer(stripe, {
        payoutId: payout.id,
        bookingId: payout.bookingId,
        hostId: payout.hostId,
        destination: host.payoutAccountId,
        amount: payout.amount,
        currency: payout.currency,
      }));
  } catch (error) {
    const failure = paymentFailureOf(error);
    if (!failure || failure.kind === "unavailable") return "retry_later"; // claimed: retried after the lease
    await db
      .update(payouts)
      .set({ status: "failed", failureReason: failure.message })
      .where(eq(payouts.id, payout.id));
    opts.log.error("payout failed", { payoutId: payout.id, reason: failure.message });
    return "failed";
  }
  await opts.afterTransfer?.();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(payouts)
      .set({
        status: "paid",
        providerTransferId: transfer.id,
        paidAt: new Date(transfer.created * 1000),
        failureReason: null,
      })
      .where(and(eq(payouts.id, payout.id), eq(payouts.status, "in_transit")))
      .returning({ id: payouts.id });
    // The transfer.created webhook may have marked it paid first; the event is recorded once either way.
    if (updated.length === 0) return;
    await recordEvent(tx, "payment.payout_released", {
      payoutId: payout.id,
      bookingId: payout.bookingId!,
      hostId: payout.hostId,
      amount: payout.amount,
      currency: payout.currency,
      transferId: transfer.id,
    });
  });
  return "released";
}

async function findTransfer(stripe: Stripe, payout: PayoutRow): Promise<Stripe.Transfer | undefined> {
  const found = await stripe.transfers.list({ transfer_group: payout.bookingId ?? "", limit: 100 });
  return found.data.find((t) => t.metadata?.payoutId === payout.id);
}

export interface PayoutRunTotals {
  scheduled: number;
  released: number;
  waiting_for_host: number;
  failed: number;
  retry_later: number;
}

/** One run of the payout job: schedule what is due, then claim and pay one payout at a time. */
export async function releaseDuePayouts(
  db: Database,
  stripe: Stripe,
  opts: {
    now: Date;
    log: Logger;
    leaseMs?: number;
    maxPayouts?: number;
    afterTransfer?: () => Promise<void>;
  },
): Promise<PayoutRunTotals> {
  const totals: PayoutRunTotals = {
    scheduled: 0,
    released: 0,
    waiting_for_host: 0,
    failed: 0,
    retry_later: 0,
  };
  totals.scheduled = await schedulePayouts(db, opts.now);
  // A payout handed back (host not ready) is claimable again at once: this run skips it.
  const seen: string[] = [];
  for (let i = 0; i < (opts.maxPayouts ?? 500); i++) {
    const payout = await claimPayout(db, opts.now, opts.leaseMs ?? 15 * 60_000, seen);
    if (!payout) break;
    seen.push(payout.id);
    totals[await releasePayout(db, stripe, payout, opts)] += 1;
  }
  opts.log.info("payout run finished", { ...totals });
  return totals;
}
