import { migrate } from "@hometrip/db/migrate";
import { seed } from "@hometrip/db/seed";
import pg from "pg";
import { progressBar } from "../cli/progress.ts";
import { growBenchCatalogue } from "./grow.ts";

/** What the seed writes in full; beyond it the catalogue grows by copies (`grow.ts`). */
const SEEDED_LISTINGS = 50_000;

/**
 * The benchmark's own database on the local server: created, migrated and seeded with up to
 * 50,000 listings, grown to `listings` beyond that, or reused when `reuse` is set and it already
 * holds them (a grown one that stopped short resumes growing). Returns its URL and listing count.
 */
export async function prepareBenchDatabase(opts: {
  adminUrl: string;
  name: string;
  listings: number;
  reuse: boolean;
  log: (line: string) => void;
}): Promise<{ databaseUrl: string; listings: number }> {
  const url = new URL(opts.adminUrl);
  url.pathname = `/${opts.name}`;
  const databaseUrl = url.toString();
  const admin = new pg.Client({ connectionString: opts.adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query("select 1 from pg_database where datname = $1", [opts.name]);
    if (rows.length > 0 && opts.reuse) {
      const existing = await countListings(databaseUrl);
      if (existing >= opts.listings) {
        opts.log(`reusing database ${opts.name} (${existing} listings)`);
        await migrate(databaseUrl);
        await vacuum(databaseUrl, opts.log);
        return { databaseUrl, listings: existing };
      }
      if (existing >= SEEDED_LISTINGS) {
        await migrate(databaseUrl);
        await growBenchCatalogue({ databaseUrl, listings: opts.listings, log: opts.log });
        await vacuum(databaseUrl, opts.log);
        return { databaseUrl, listings: opts.listings };
      }
      opts.log(`database ${opts.name} has ${existing} listings; reseeding`);
    }
    if (rows.length > 0) {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [
        opts.name,
      ]);
      await admin.query(`drop database "${opts.name}"`);
    }
    await admin.query(`create database "${opts.name}"`);
  } finally {
    await admin.end();
  }
  await migrate(databaseUrl);
  const bar = progressBar("seed");
  const summary = await seed({
    databaseUrl,
    seed: 7,
    listings: Math.min(opts.listings, SEEDED_LISTINGS),
    onProgress: (done, total, stage) => bar.update(done, total, stage),
  });
  bar.done(`seeded ${summary.counts.listings} listings in ${(summary.durationMs / 1000).toFixed(0)} s`);
  if (opts.listings > SEEDED_LISTINGS) {
    await growBenchCatalogue({ databaseUrl, listings: opts.listings, log: opts.log });
  }
  await vacuum(databaseUrl, opts.log);
  return { databaseUrl, listings: opts.listings };
}

/**
 * A freshly bulk-loaded table has no visibility map, so index-only scans (the availability probe)
 * still visit the heap, and the planner has no statistics yet; autovacuum would get there on its
 * own schedule, mid-run. Production tables are vacuumed routinely, so measure them that way.
 */
async function vacuum(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
  log(`vacuumed and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function countListings(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from listings");
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}
