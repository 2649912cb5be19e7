import { Client } from "typesense";
import { collectionSchema } from "./schema.ts";

export interface TypesenseConnection {
  /** TYPESENSE_URL, e.g. http://127.0.0.1:8108 */
  url: string;
  apiKey: string;
}

export function createTypesenseClient({ url, apiKey }: TypesenseConnection): Client {
  return new Client({ nodes: [{ url }], apiKey, connectionTimeoutSeconds: 10, numRetries: 2 });
}

/**
 * Searches go to an alias; a rebuild fills a fresh collection and then swaps the alias, so
 * guests never see a half-built index. Creates a first collection when the alias is missing.
 */
export async function ensureCollection(client: Client, alias: string): Promise<string> {
  try {
    const existing = await client.aliases(alias).retrieve();
    return existing.collection_name;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const name = `${alias}_${Date.now()}`;
  await client.collections().create(collectionSchema(name));
  await client.aliases().upsert(alias, { collection_name: name });
  return name;
}

/** Points the alias at `name` and drops the collection it pointed at before, if any. */
export async function swapAlias(client: Client, alias: string, name: string): Promise<void> {
  let previous: string | undefined;
  try {
    previous = (await client.aliases(alias).retrieve()).collection_name;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  await client.aliases().upsert(alias, { collection_name: name });
  if (previous && previous !== name) await client.collections(previous).delete();
}

/** Drops the alias and its collection (tests clean up with this). */
export async function dropCollection(client: Client, alias: string): Promise<void> {
  try {
    const { collection_name } = await client.aliases(alias).retrieve();
    await client.aliases(alias).delete();
    await client.collections(collection_name).delete();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { httpStatus?: number }).httpStatus === 404;
}
