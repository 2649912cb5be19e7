import { parseArgs } from "node:util";
import { migrate } from "../migrate.ts";
import { seed } from "../seed/index.ts";
import { createProgress } from "../seed/progress.ts";
import { databaseUrlFromEnv, ensureDatabase } from "./database-url.ts";

const usage = `Usage: bun run db:seed -- [--listings N] [--seed N] [--reset]
  --listings N  listings to create (default 300)
  --seed N      PRNG seed; the same seed gives the same data (default: SEED env, else 42)
  --reset       wipe every table first (otherwise an already-seeded database is left alone)`;

const { values } = parseArgs({
  options: {
    listings: { type: "string", default: "300" },
    seed: { type: "string" },
    reset: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const listings = Number(values.listings);
const seedValue = Number(values.seed ?? process.env.SEED ?? 42);
if (!Number.isInteger(listings) || listings < 1 || !Number.isInteger(seedValue)) {
  console.error(`--listings must be a positive integer and --seed an integer\n${usage}`);
  process.exit(2);
}

const databaseUrl = databaseUrlFromEnv(process.env);
const progress = createProgress({ stream: process.stderr });
try {
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl, { log: (line) => console.error(line) });
  const summary = await seed({
    databaseUrl,
    listings,
    seed: seedValue,
    reset: values.reset,
    onProgress: (done, total, stage) => progress.update(done, total, stage),
  });
  progress.finish();
  if (summary.skipped) {
    console.log(`seed: skipped, ${summary.reason}`);
  } else {
    const counts = Object.entries(summary.counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    console.log(
      `seed ${summary.seed} (today ${summary.today}) in ${(summary.durationMs / 1000).toFixed(1)}s: ${counts}`,
    );
    console.log(`demo accounts: ${summary.demoAccounts.join(", ")} (sign-in disabled until auth lands)`);
  }
} catch (error) {
  progress.finish();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
