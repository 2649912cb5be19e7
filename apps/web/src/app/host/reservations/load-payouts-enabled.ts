import { serverApi } from "@/lib/session.ts";

/** Whether the signed-in host can be paid (payments.payoutStatus): accepting requests needs it. */
export async function loadPayoutsEnabled(): Promise<boolean> {
  return (await (await serverApi()).payments.payoutStatus.query()).payoutsEnabled;
}
