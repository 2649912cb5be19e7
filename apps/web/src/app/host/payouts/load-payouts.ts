import type { PayoutAccount, PayoutRow } from "@/components/booking/payouts-view.tsx";

export type HostPayouts = { account: PayoutAccount; upcoming: PayoutRow[]; past: PayoutRow[] };

/**
 * The signed-in host's payout account and payouts, or null while the API has no payments router
 * to ask (then the pages say payouts cannot be set up yet, and Accept is left to the API's answer).
 */
export async function loadPayouts(): Promise<HostPayouts | null> {
  return null;
}

/** Whether the host can be paid; null when it cannot be known. */
export async function loadPayoutsEnabled(): Promise<boolean | null> {
  return (await loadPayouts())?.account.payoutsEnabled ?? null;
}
