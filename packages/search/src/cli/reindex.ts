/**
 * bun run search:reindex
 *
 * Rebuilds what search reads. With TYPESENSE_URL (and TYPESENSE_API_KEY) set: every published
 * listing is copied into a fresh Typesense collection, then the alias (TYPESENSE_COLLECTION,
 * default "listings") is swapped to it and the old collection dropped. Postgres itself reads live;
 * its derived tables are rebuilt (listing_ratings from reviews, listing_search from listings,
 * calendars, bookings and price overrides, the search_lexemes typo vocabulary from the listings'
 * documents), listing_search rewritten in map order (CLUSTER) and statistics refreshed.
 * DATABASE_URL defaults to the local dev database.
 */
import { migrate } from "@hometrip/db/migrate";
import pg from "pg";
import { createTypesenseClient, swapAlias } from "../typesense/client.ts";
import { countPublished, loadDocumentBatch } from "../typesense/documents.ts";
import { collectionSchema } from "../typesense/schema.ts";
import { progressBar } from "./progress.ts";

const databaseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/hometrip_dev";
const typesenseUrl = process.env.TYPESENSE_URL;
const apiKey = process.env.TYPESENSE_API_KEY;
const alias = process.env.TYPESENSE_COLLECTION || "listings";
const BATCH = 1000;

const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
try {
  // The derived table and its triggers come with migration 0004; a fresh database needs them first.
  await migrate(databaseUrl);
  await refreshRatings(pool);
  if (typesenseUrl) {
    if (!apiKey) throw new Error("TYPESENSE_API_KEY is required when TYPESENSE_URL is set");
    await rebuildTypesense(pool, typesenseUrl, apiKey);
  } else {
    console.log(
      "TYPESENSE_URL not set: search runs on Postgres (listing_search rows, kept in step with listings, calendars and bookings by triggers)",
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await pool.end();
}

async function refreshRatings(sql: pg.Pool) {
  const { rows } = await sql.query<{ id: string }>("SELECT id FROM listings ORDER BY id");
  const bar = progressBar("ratings");
  for (let i = 0; i < rows.length; i += BATCH) {
    const ids = rows.slice(i, i + BATCH).map((r) => r.id);
    await sql.query("SELECT listing_ratings_refresh($1::uuid[])", [ids]);
    bar.update(Math.min(i + BATCH, rows.length), rows.length);
  }
  // The typo vocabulary only grows as listings change; rebuild it from the current documents.
  const client = await sql.connect();
  try {
    await client.query("BEGIN");
    await client.query("DELETE FROM search_lexemes");
    await client.query(
      "INSERT INTO search_lexemes (lexeme) SELECT DISTINCT unnest(tsvector_to_array(search_document)) FROM listings",
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  // The search rows are kept by triggers; recomputing them repairs anything written around them.
  await sql.query("SELECT listing_search_rebuild()");
  // Recomputing wrote every row anew, and listing edits move rows over time: rewrite the table in
  // map order (its clustering index, migration 0008) so a viewport's rows share pages again.
  // CLUSTER holds an exclusive lock on listing_search while it runs (about 2 s per 50,000 rows
  // here), so searches wait for it.
  await sql.query("CLUSTER listing_search");
  await sql.query("ANALYZE listings, listing_search, listing_ratings, listing_occupancy, search_lexemes");
  bar.done(
    `postgres: listing_ratings and listing_search recomputed for ${rows.length} listings, listing_search rewritten in map order; typo vocabulary rebuilt; statistics refreshed`,
  );
}

async function rebuildTypesense(sql: pg.Pool, url: string, key: string) {
  const client = createTypesenseClient({ url, apiKey: key });
  const name = `${alias}_${Date.now()}`;
  await client.collections().create(collectionSchema(name));
  const total = await countPublished(sql);
  const bar = progressBar("typesense");
  const today = new Date();
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const docs = await loadDocumentBatch(sql, after, BATCH, today);
    if (docs.length === 0) break;
    const results = await client.collections(name).documents().import(docs, { action: "upsert" });
    const failed = results.filter((r) => !r.success);
    if (failed.length > 0) throw new Error(`typesense import failed: ${JSON.stringify(failed.slice(0, 3))}`);
    done += docs.length;
    after = docs.at(-1)?.id ?? null;
    bar.update(done, total);
  }
  await swapAlias(client, alias, name);
  bar.done(`typesense: ${done} listings in ${name}; alias ${alias} now points at it`);
}
