import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert.tsx";
import { Card } from "@/components/ui/card.tsx";
import { formatMoney } from "@/lib/money.ts";
import { serverApi } from "@/lib/session.ts";
import { requireHost } from "../require-host.ts";
import { PayoutActions } from "./payout-actions.tsx";

export const metadata: Metadata = { title: "Payouts" };

type Line = Awaited<
  ReturnType<Awaited<ReturnType<typeof serverApi>>["payments"]["listPayouts"]["query"]>
>["past"][number];

const statusLabel: Record<Line["status"], string> = {
  scheduled: "Scheduled",
  in_transit: "On its way",
  paid: "Paid",
  failed: "Failed",
  cancelled: "Reversed",
};

function PayoutTable({ lines, empty }: { lines: Line[]; empty: string }) {
  if (lines.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="payout-list">
      {lines.map((line) => (
        <li key={line.bookingId} className="payout-row">
          <div>
            <strong>{line.listingTitle}</strong>
            <div className="muted">
              {line.checkIn} → {line.checkOut}
            </div>
          </div>
          <div className="payout-row__amount">
            <strong>{formatMoney(line.amount, line.currency)}</strong>
            <div className="muted">
              {statusLabel[line.status]} ·{" "}
              {new Date(line.paidAt ?? line.releaseAt).toLocaleDateString("en", { dateStyle: "medium" })}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

export default async function HostPayoutsPage({
  searchParams,
}: {
  searchParams: Promise<{ onboarding?: string }>;
}) {
  await requireHost("/host/payouts");
  const { onboarding } = await searchParams;
  const api = await serverApi();
  const [status, payouts] = await Promise.all([
    api.payments.payoutStatus.query(),
    api.payments.listPayouts.query(),
  ]);
  return (
    <div className="page stack">
      <header className="page-header">
        <div>
          <h1>Payouts</h1>
          <p>
            Your share of each stay is sent to your bank through Stripe 24 hours after the guest checks in.
          </p>
        </div>
      </header>
      <Card title="Payout setup">
        <div className="stack">
          {status.payoutsEnabled ? (
            <Alert tone="success">
              Payouts are on. Guests can book instantly and you can accept requests.
            </Alert>
          ) : (
            <Alert tone={onboarding === "retry" ? "error" : "info"}>
              {onboarding === "retry"
                ? "The Stripe link expired before setup was finished. Start again below."
                : status.detailsSubmitted
                  ? "Stripe is reviewing your details. Until payouts are on, instant book and accepting requests stay off."
                  : "Instant book and accepting booking requests need payouts set up first."}
            </Alert>
          )}
          <PayoutActions detailsSubmitted={status.detailsSubmitted} payoutsEnabled={status.payoutsEnabled} />
        </div>
      </Card>
      <Card title="Upcoming">
        <PayoutTable lines={payouts.upcoming} empty="No confirmed stays waiting for a payout." />
      </Card>
      <Card title="Past">
        <PayoutTable lines={payouts.past} empty="No payouts yet." />
      </Card>
    </div>
  );
}
