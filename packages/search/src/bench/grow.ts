import pg from "pg";
import { progressBar } from "../cli/progress.ts";

/**
 * The seed writes every listing with its users, bookings, payments, reviews and messages in one
 * transaction in TypeScript: fine for 50,000 listings, hours for a million. Search reads none of
 * that beyond what ends up in `listing_search`, its cover photo and its rating, so a bigger
 * catalogue is grown on the server from the seeded one: each copy is a seeded listing moved up to
 * ~500 m (same city, type, amenities, prices and rules), with its cover photo, its price overrides
 * and occupancy from yesterday on (as calendar blocks) and its rating. Cities therefore get denser,
 * as they would with more hosts.
 *
 * Row by row through the triggers this ran at ~200 listings/s on a busy 2-core machine (each block
 * and override rewrote its `listing_search` row once more). So each batch runs with triggers off
 * (`session_replication_role = replica`, which needs a superuser, as the local server's `postgres`
 * is) and writes what they would have, set-wise: the blocks' `listing_occupancy` rows, the
 * `listing_search` rows through `listing_search_upsert` (what `search:reindex` uses) and any new
 * typo-vocabulary words: 400–1,100 listings/s on the same machine (950,000 in ~37 min at load 12–24).
 *
 * Copies are recorded in `bench_listing_copies` (only benchmark databases have it) and written in
 * batches of their own transaction, so an interrupted run resumes where it stopped.
 */
export async function growBenchCatalogue(opts: {
  databaseUrl: string;
  listings: number;
  log: (line: string) => void;
  batch?: number;
}): Promise<void> {
  const batch = opts.batch ?? 5_000;
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    await client.query(`create table if not exists bench_listing_copies (
      id uuid primary key references listings(id) on delete cascade,
      source_id uuid not null)`);
    const { rows } = await client.query<{ listings: number; copies: number }>(
      "select (select count(*)::int from listings) as listings, (select count(*)::int from bench_listing_copies) as copies",
    );
    const { listings: existing, copies } = rows[0]!;
    const sources = existing - copies;
    if (existing >= opts.listings) return;
    if (sources < 1) throw new Error("no seeded listings to grow the catalogue from");
    opts.log(`growing the catalogue from ${existing} to ${opts.listings} listings (${sources} seeded)`);

    await client.query(`create temp table bench_sources as
      select (row_number() over (order by l.id) - 1)::int as ord, l.id from listings l
      where not exists (select 1 from bench_listing_copies c where c.id = l.id)`);
    await client.query("create index on bench_sources (ord)");
    const copied = await copyableColumns(client, "listings", ["id", "lat", "lng"]);
    const photoColumns = await copyableColumns(client, "listing_photos", ["id", "listing_id"]);
    const overrideColumns = await copyableColumns(client, "price_overrides", ["id", "listing_id"]);

    const bar = progressBar("grow");
    const started = performance.now();
    for (let first = copies; first < opts.listings - sources; first += batch) {
      const last = Math.min(opts.listings - sources, first + batch) - 1;
      await client.query("begin");
      try {
        // Losing the last batch on a crash is harmless: it was never recorded as copied.
        await client.query("set local synchronous_commit = off");
        await client.query("set local session_replication_role = replica");
        await client.query(`create temp table pick on commit drop as
          select gen_random_uuid() as copy_id, s.id as source_id
          from generate_series(${first}::int, ${last}::int) n join bench_sources s on s.ord = n % ${sources}`);
        // ±0.0045° of latitude is ±500 m; longitude is scaled so the offset is as long east-west.
        await client.query(`insert into listings (id, lat, lng, ${copied})
          select p.copy_id, l.lat + (random() - 0.5) * 0.009,
            l.lng + (random() - 0.5) * 0.009 / greatest(cos(radians(l.lat)), 0.2), ${prefixed("l", copied)}
          from pick p join listings l on l.id = p.source_id`);
        await client.query(
          "insert into bench_listing_copies (id, source_id) select copy_id, source_id from pick",
        );
        await client.query(`insert into listing_photos (listing_id, ${photoColumns})
          select p.copy_id, ${prefixed("ph", photoColumns)} from pick p
          join lateral (select * from listing_photos x where x.listing_id = p.source_id
            order by x.position limit 1) ph on true`);
        await client.query(`insert into price_overrides (listing_id, ${overrideColumns})
          select p.copy_id, ${prefixed("o", overrideColumns)} from pick p
          join price_overrides o on o.listing_id = p.source_id where o.date >= current_date - 1`);
        await client.query(`with blocks as (
            insert into calendar_blocks (listing_id, check_in, check_out)
            select p.copy_id, o.check_in, o.check_out from pick p
            join listing_occupancy o on o.listing_id = p.source_id where o.check_out >= current_date - 1
            returning id, listing_id, check_in, check_out)
          insert into listing_occupancy (listing_id, check_in, check_out, calendar_block_id)
          select listing_id, check_in, check_out, id from blocks`);
        await client.query(`insert into listing_ratings (listing_id, rating_count, rating_sum, rating_avg)
          select p.copy_id, r.rating_count, r.rating_sum, r.rating_avg from pick p
          join listing_ratings r on r.listing_id = p.source_id
          on conflict (listing_id) do update set rating_count = excluded.rating_count,
            rating_sum = excluded.rating_sum, rating_avg = excluded.rating_avg`);
        await client.query("select listing_search_upsert(array(select copy_id from pick), true)");
        await client.query(`insert into search_lexemes (lexeme)
          select distinct unnest(tsvector_to_array(l.search_document)) from pick p join listings l on l.id = p.copy_id
          on conflict do nothing`);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      }
      const done = sources + last + 1;
      const perSecond = (done - existing) / ((performance.now() - started) / 1000);
      bar.update(done, opts.listings, `${Math.round(perSecond)}/s`);
    }
    bar.done(`grew to ${opts.listings} listings in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    // Copies were appended; put the table back in map order as the seed does (migration 0008).
    const clustering = performance.now();
    await client.query("cluster listing_search");
    opts.log(`clustered listing_search in ${((performance.now() - clustering) / 1000).toFixed(0)} s`);
  } finally {
    await client.end();
  }
}

/** The table's writable columns but `except`, quoted and comma-separated. */
async function copyableColumns(client: pg.Client, table: string, except: string[]): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `select column_name as name from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' and column_name <> all($2)
     order by ordinal_position`,
    [table, except],
  );
  return rows.map((r) => `"${r.name}"`).join(", ");
}

const prefixed = (alias: string, columns: string) =>
  columns
    .split(", ")
    .map((c) => `${alias}.${c}`)
    .join(", ");
