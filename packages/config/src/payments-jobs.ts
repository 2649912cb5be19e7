import * as z from "zod";
import { postgresUrl, wsProxy } from "./fields.ts";
import { parseConfig } from "./parse.ts";
import { stripeShape } from "./stripe.ts";

/** `bun run payments:release-payouts` / `payments:reconcile`: the database and Stripe, nothing else. */
export const zPaymentsJobEnv = z.object({
  DATABASE_URL: postgresUrl,
  NEON_WS_PROXY: wsProxy.optional(),
  ...stripeShape,
});
export type PaymentsJobEnv = z.output<typeof zPaymentsJobEnv>;

export function parsePaymentsJobEnv(source: Record<string, unknown>): PaymentsJobEnv {
  return parseConfig("payments job", zPaymentsJobEnv, source);
}
