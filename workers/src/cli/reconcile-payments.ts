import { formatDifference, reconcilePayments } from "@hometrip/core";
import { openPaymentsJob } from "./payments-job-db.ts";

/**
 * `bun run payments:reconcile [--days N]`: compares our payments, refunds and payouts of the last
 * N days (default 2) with Stripe's and prints every difference; exits 1 when there is any.
 */
const at = process.argv.indexOf("--days");
const days = at === -1 ? 2 : Number(process.argv[at + 1]);
if (!Number.isInteger(days) || days < 1 || days > 400) {
  process.stderr.write("--days must be a whole number of days between 1 and 400\n");
  process.exit(2);
}
const job = openPaymentsJob();
let differences = 0;
try {
  const since = new Date(Date.now() - days * 24 * 3600_000);
  const found = await reconcilePayments(job.db, job.stripe, { since });
  for (const d of found) process.stdout.write(`${formatDifference(d)}\n`);
  process.stdout.write(`${found.length} difference(s) since ${since.toISOString()}\n`);
  differences = found.length;
} finally {
  await job.close();
}
process.exit(differences > 0 ? 1 : 0);
