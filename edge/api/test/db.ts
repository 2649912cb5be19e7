import { env } from "cloudflare:workers";
import { createDb, type Database } from "@hometrip/db";

type Pool = ReturnType<typeof createDb>["pool"];

/**
 * The database the Worker uses, through the same driver and tunnel, for what a test must arrange
 * or observe directly (the worker's side of mail links, an outbox row, a suspended account); one
 * pool per call.
 */
export async function withDatabase<T>(fn: (db: Database, pool: Pool) => Promise<T>): Promise<T> {
  const { db, pool } = createDb({ databaseUrl: env.DATABASE_URL ?? "", wsProxy: env.NEON_WS_PROXY });
  pool.on("error", () => {});
  try {
    return await fn(db, pool);
  } finally {
    await pool.end();
  }
}

export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return withDatabase(async (_db, pool) => (await pool.query(text, params)).rows as T[]);
}

export type OutboxRow = {
  id: string;
  event_type: string;
  payload: { note: string; requestedBy: string };
  published_at: Date | null;
  attempts: number;
};

export async function readOutboxRow(id: string): Promise<OutboxRow | undefined> {
  const [row] = await sql<OutboxRow>(
    "select id, event_type, payload, published_at, attempts from outbox where id = $1",
    [id],
  );
  return row;
}

/** Writes an outbox row directly, as a domain transaction would, without relaying it. */
export async function insertOutboxRow(note: string): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into outbox (event_type, event_version, payload) values ('system.pinged', 1, $1) returning id`,
    [JSON.stringify({ note, requestedBy: "operator" })],
  );
  return row!.id;
}

/** Polls the stand-in consumer until an event with `id` arrives or `timeoutMs` passes. */
export async function waitForDelivery(id: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${env.TEST_EVENT_SINK_URL}/received`);
    const received = (await response.json()) as { signature: string | null; body: { id: string } }[];
    const match = received.find((delivery) => delivery.body.id === id);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
