import type { Metadata } from "next";
import { AccountState, PayoutList } from "@/components/booking/payouts-view.tsx";
import { Alert } from "@/components/ui/alert.tsx";
import { requireHost } from "../require-host.ts";
import { loadPayouts } from "./load-payouts.ts";
import "@/components/booking/booking.css";

export const metadata: Metadata = { title: "Payouts" };

/**
 * The host's payouts: whether Stripe can pay them (and the way to set it up), then payouts to
 * come and payouts made. The data comes from the API's payments router (load-payouts.ts).
 */
export default async function PayoutsPage() {
  await requireHost("/host/payouts");
  const payouts = await loadPayouts();
  return (
    <div className="page stack">
      <header className="page-header">
        <h1>Payouts</h1>
        <p>How you get paid: each stay 24 hours after check-in, minus the host fee.</p>
      </header>
      {payouts ? (
        <>
          <AccountState account={payouts.account} />
          <PayoutList title="Upcoming payouts" rows={payouts.upcoming} empty="No payouts scheduled yet." />
          <PayoutList title="Past payouts" rows={payouts.past} empty="No payouts made yet." />
        </>
      ) : (
        <Alert tone="info" title="Payout setup is not available yet">
          This server cannot set up payouts yet. Requests can be accepted once payouts are enabled.
        </Alert>
      )}
    </div>
  );
}
