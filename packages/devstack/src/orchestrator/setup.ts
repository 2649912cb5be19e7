import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { seed } from "@hometrip/db/seed";
import pg from "pg";
import type { Log } from "./log.ts";

/** Seeds demo data only into an empty database, so restarting dev never duplicates or wipes data. */
export async function seedOnFirstRun(databaseUrl: string, seedValue: number, log: Log): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let listings = 0;
  try {
    const res = await client.query<{ n: string }>("select count(*)::text as n from listings");
    listings = Number(res.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
  if (listings > 0) {
    log(`demo data present (${listings} listings); not seeding`);
    return;
  }
  log(`seeding demo data (seed ${seedValue})…`);
  const started = Date.now();
  await seed({
    databaseUrl,
    seed: seedValue,
    listings: 300,
    onProgress: (done, total, stage) => {
      if (done === total) log(`seeded ${stage}: ${total}`);
    },
  });
  log(`demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The platform's QStash schedules (the outbox sweep), created by the very command production's
 * deploy runs (`bun run deploy:schedules`), pointed at the local broker. Idempotent: QStash
 * upserts by schedule id, so restarts keep one of each.
 */
export async function deploySchedules(opts: {
  root: string;
  qstashUrl: string;
  token: string;
  workersUrl: string;
}) {
  await runBunScript(join(opts.root, "workers/src/cli/deploy-schedules.ts"), [], {
    QSTASH_URL: opts.qstashUrl,
    QSTASH_TOKEN: opts.token,
    EVENTS_DESTINATION_URL: opts.workersUrl,
  });
}

/** The seeded listings' photos in the local LISTING_PHOTOS bucket (`src/cli/demo-photos.ts`). */
export async function ensureDemoPhotos(root: string, log: Log): Promise<void> {
  const output = await runBunScript(join(root, "packages/devstack/src/cli/demo-photos.ts"), [root]);
  for (const line of output.split("\n")) if (line.trim()) log(line);
}

/** Runs a Bun script of the repository to its end and returns what it printed. */
async function runBunScript(script: string, args: string[], env: Record<string, string> = {}) {
  const bun = process.execPath.includes("bun") ? process.execPath : "bun";
  const { stdout } = await promisify(execFile)(bun, [script, ...args], { env: { ...process.env, ...env } });
  return stdout;
}
