import type { WorkersEnv } from "@hometrip/config";
import { createPostgresSearchIndex, type SearchIndex, type SqlExecutor } from "@hometrip/search";
import { createTypesenseClient, createTypesenseSearchIndex } from "@hometrip/search/typesense";

/**
 * The index listing.changed events keep up to date: Typesense when TYPESENSE_URL is set (its
 * documents are read from Postgres through `sql`), otherwise the Postgres adapter, which reads
 * the live tables and so has nothing to copy.
 */
export function searchIndexFromEnv(
  env: Pick<WorkersEnv, "TYPESENSE_URL" | "TYPESENSE_API_KEY" | "TYPESENSE_COLLECTION">,
  sql: SqlExecutor,
): SearchIndex {
  if (!env.TYPESENSE_URL || !env.TYPESENSE_API_KEY) return createPostgresSearchIndex(sql);
  return createTypesenseSearchIndex({
    client: createTypesenseClient({ url: env.TYPESENSE_URL, apiKey: env.TYPESENSE_API_KEY }),
    collection: env.TYPESENSE_COLLECTION,
    sql,
  });
}
