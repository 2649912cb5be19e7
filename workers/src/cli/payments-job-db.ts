import { ConfigError, type PaymentsJobEnv, parsePaymentsJobEnv } from "@hometrip/config";
import { createDb, type Database } from "@hometrip/db";
import { createStripeClient, type Stripe, stripeClientConfig } from "@hometrip/payments";

/** The database and Stripe client a payments command runs with, from its environment. */
export function openPaymentsJob(): {
  env: PaymentsJobEnv;
  db: Database;
  stripe: Stripe;
  close(): Promise<void>;
} {
  let env: PaymentsJobEnv;
  try {
    env = parsePaymentsJobEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { db, pool } = createDb({ databaseUrl: env.DATABASE_URL, wsProxy: env.NEON_WS_PROXY, max: 2 });
  return { env, db, stripe: createStripeClient(stripeClientConfig(env)), close: () => pool.end() };
}
