import { seed } from "@hometrip/db/seed";
import { Client as QStashClient } from "@upstash/qstash";
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
 * The relay publishes right after commit; this schedule sweeps up anything that publish missed
 * (a crash between commit and publish, a broker outage). Upserted by id, so restarts keep one.
 */
export async function registerOutboxSweep(opts: { qstashUrl: string; token: string; workersUrl: string }) {
  const client = new QStashClient({ baseUrl: opts.qstashUrl, token: opts.token });
  await client.schedules.create({
    scheduleId: "outbox-sweep",
    destination: `${opts.workersUrl}/jobs/outbox-sweep`,
    cron: "* * * * *",
  });
}
