import { serverApi } from "@/lib/session.ts";

/**
 * Whether the signed-in host can be paid (payments.payoutStatus): accepting requests and
 * publishing an instant-book listing need it.
 */
export async function loadPayoutsEnabled(): Promise<boolean> {
  return (await (await serverApi()).payments.payoutStatus.query()).payoutsEnabled;
}
