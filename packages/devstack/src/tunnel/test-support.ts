import { createDb } from "@hometrip/db";

export { createScratchDatabase } from "@hometrip/db/scratch";

import type { Pool } from "@neondatabase/serverless";
import pg from "pg";

/** Admin connection for creating throw-away databases; same default as @hometrip/testkit. */
export const adminUrl = "postgres://postgres@127.0.0.1:5432/postgres";

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A neon Pool from the production client factory, pointed at the tunnel (PGlite: `max` 1). */
export function neonPoolThroughTunnel(wsProxy: string, databaseUrl: string, max = 5): Pool {
  return createDb({ databaseUrl, wsProxy, max }).pool;
}

/** Raw frontend messages, for tests that drive the wire protocol by hand (trust auth only). */
export const wire = {
  startup(user: string, database: string): Buffer {
    const params = Buffer.from(`user\0${user}\0database\0${database}\0\0`);
    const head = Buffer.alloc(8);
    head.writeInt32BE(8 + params.length, 0);
    head.writeInt32BE(196608, 4); // protocol 3.0
    return Buffer.concat([head, params]);
  },
  query(sql: string): Buffer {
    const text = Buffer.from(`${sql}\0`);
    const head = Buffer.alloc(5);
    head.write("Q", 0);
    head.writeInt32BE(4 + text.length, 1);
    return Buffer.concat([head, text]);
  },
  terminate: Buffer.from([0x58, 0, 0, 0, 4]),
};
