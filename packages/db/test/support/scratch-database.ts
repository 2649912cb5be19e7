import pg from "pg";

export { createScratchDatabase, type ScratchDatabase } from "../../src/scratch.ts";

/** Connects a pg client for the duration of a test file. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The SQLSTATE of a failed query, whether raised by pg directly or wrapped by drizzle (`cause`). */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}
