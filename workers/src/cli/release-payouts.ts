import { releaseDuePayouts } from "@hometrip/core";
import { createJsonLogger } from "../log.ts";
import { openPaymentsJob } from "./payments-job-db.ts";

/**
 * `bun run payments:release-payouts`: one run of the payout job (what the hourly QStash schedule
 * triggers). Safe to run at any time and as often as wanted: each payout is paid once.
 */
const job = openPaymentsJob();
try {
  const totals = await releaseDuePayouts(job.db, job.stripe, {
    now: new Date(),
    log: createJsonLogger({ service: "payouts" }),
  });
  process.stdout.write(`${JSON.stringify(totals)}\n`);
} finally {
  await job.close();
}
