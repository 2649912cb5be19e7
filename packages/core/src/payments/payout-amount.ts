import { sql } from "drizzle-orm";

/**
 * What the host receives for a booking: the guest's total minus what is not the host's (the
 * guest service fee and the taxes we collect) minus the platform's host fee. `host_fee` is read
 * through to_jsonb so this SQL also runs on a schema that predates the column (then 0).
 */
export const hostPayoutAmountSql = (alias: string) =>
  sql.raw(
    `(${alias}.total - ${alias}.service_fee - ${alias}.taxes - coalesce((to_jsonb(${alias}.*)->>'host_fee')::int, 0))`,
  );

/** Payouts are released this long after check-in (the guest has arrived and not complained). */
export const PAYOUT_DELAY_HOURS = 24;

/**
 * When a booking's payout is due: 24 hours after check-in, taken as 15:00 on the check-in day
 * in the listing's time zone. Used with `bookings b join listings l`.
 */
export const PAYOUT_RELEASE_SQL = sql.raw(
  `(((b.check_in + time '15:00') at time zone l.timezone) + interval '${PAYOUT_DELAY_HOURS} hours')`,
);
