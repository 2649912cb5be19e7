import type { Database } from "@hometrip/db";
import { sql } from "drizzle-orm";
import { hostPayoutAmountSql, PAYOUT_RELEASE_SQL } from "./payout-amount.ts";

export interface HostPayoutLine {
  bookingId: string;
  listingTitle: string;
  checkIn: string;
  checkOut: string;
  amount: number;
  currency: string;
  /** upcoming: scheduled (not yet due or waiting for the host's Stripe account); past: paid, failed, reversed. */
  status: "scheduled" | "in_transit" | "paid" | "failed" | "cancelled";
  /** When it is (or was) due: 24 h after check-in. */
  releaseAt: string;
  paidAt: string | null;
}

const LIMIT = 100;

/**
 * A host's payouts: upcoming (confirmed stays not paid yet, with the amount they will bring) and
 * past (transfers made, failed or reversed), newest first, at most 100 of each.
 */
export async function listHostPayouts(
  db: Database,
  hostId: string,
): Promise<{ upcoming: HostPayoutLine[]; past: HostPayoutLine[] }> {
  const result = await db.execute<{
    booking_id: string;
    title: string;
    check_in: string;
    check_out: string;
    amount: number;
    currency: string;
    status: HostPayoutLine["status"];
    release_at: Date | string;
    paid_at: Date | string | null;
  }>(sql`
    select b.id as booking_id, l.title, b.check_in::text, b.check_out::text,
      coalesce(p.amount, ${hostPayoutAmountSql("b")}) as amount, b.currency,
      coalesce(p.status::text, 'scheduled') as status, ${PAYOUT_RELEASE_SQL} as release_at, p.paid_at
    from bookings b
    join listings l on l.id = b.listing_id
    left join payouts p on p.booking_id = b.id
    where l.host_id = ${hostId} and (p.id is not null or b.status in ('confirmed', 'completed'))
    order by b.check_in desc
    limit ${LIMIT * 4}`);
  const lines = result.rows.map(
    (r): HostPayoutLine => ({
      bookingId: r.booking_id,
      listingTitle: r.title,
      checkIn: r.check_in,
      checkOut: r.check_out,
      amount: Number(r.amount),
      currency: r.currency,
      status: r.status,
      releaseAt: new Date(r.release_at).toISOString(),
      paidAt: r.paid_at ? new Date(r.paid_at).toISOString() : null,
    }),
  );
  const isUpcoming = (l: HostPayoutLine) => l.status === "scheduled" || l.status === "in_transit";
  return {
    upcoming: lines.filter(isUpcoming).reverse().slice(0, LIMIT),
    past: lines.filter((l) => !isUpcoming(l)).slice(0, LIMIT),
  };
}
