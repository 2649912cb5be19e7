import { formatMoney } from "@/lib/money.ts";
import { Alert } from "../ui/alert.tsx";
import { Card } from "../ui/card.tsx";
import { stayDates } from "./booking-model.ts";

/** What the payouts page shows, whichever API call it comes from. */
export type PayoutAccount = {
  /** The Connect account, once onboarding has started. */
  accountId: string | null;
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
};

export type PayoutRow = {
  id: string;
  listingTitle: string;
  checkIn: string;
  checkOut: string;
  amount: number;
  currency: string;
  status: "scheduled" | "in_transit" | "paid" | "failed" | "cancelled";
  /** When it is released (24 h after check-in) or was paid. */
  date: string;
};

const payoutStatusLabel: Record<PayoutRow["status"], string> = {
  scheduled: "Scheduled",
  in_transit: "On its way",
  paid: "Paid",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** The account's state in the host's words. */
export function AccountState({ account }: { account: PayoutAccount }) {
  if (account.payoutsEnabled) {
    return (
      <Alert tone="success" title="Payouts are enabled">
        You are paid for each stay 24 hours after the guest checks in, minus the host fee.
      </Alert>
    );
  }
  if (account.accountId && account.detailsSubmitted) {
    return (
      <Alert tone="info" title="Your details are being checked">
        Stripe is verifying your account; this page updates once payouts are enabled.
      </Alert>
    );
  }
  return (
    <Alert tone="warning" title="Payouts are not set up">
      Connect a payout account to accept requests, turn on instant book and get paid.
    </Alert>
  );
}

/** Upcoming or past payouts as a list (the stay, the amount, its state and date). */
export function PayoutList({ title, rows, empty }: { title: string; rows: PayoutRow[]; empty: string }) {
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="booking-list" aria-label={title}>
          {rows.map((row) => (
            <li key={row.id} className="booking-item payout-row" data-testid="payout">
              <div className="booking-item__top">
                <strong>{row.listingTitle}</strong>
                <strong>{formatMoney(row.amount, row.currency)}</strong>
              </div>
              <p className="muted">
                {stayDates(row.checkIn, row.checkOut)} · {payoutStatusLabel[row.status]} ·{" "}
                {new Date(row.date).toLocaleDateString("en-GB", {
                  day: "numeric",
                  month: "short",
                  year: "numeric",
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
