import { env } from "cloudflare:workers";
import { createDb } from "@hometrip/db";

export type OutboxRow = {
  id: string;
  event_type: string;
  payload: { note: string; requestedBy: string };
  published_at: Date | null;
  attempts: number;
};

/** Reads one outbox row through the same driver and tunnel the Worker uses; one pool per call. */
function openPool() {
  const { pool } = createDb({ databaseUrl: env.DATABASE_URL ?? "", wsProxy: env.NEON_WS_PROXY });
  pool.on("error", () => {});
  return pool;
}

export async function readOutboxRow(id: string): Promise<OutboxRow | undefined> {
  const pool = openPool();
  try {
    const result = await pool.query<OutboxRow>(
      "select id, event_type, payload, published_at, attempts from outbox where id = $1",
      [id],
    );
    return result.rows[0];
  } finally {
    await pool.end();
  }
}

/** Writes an outbox row directly, as a domain transaction would, without relaying it. */
export async function insertOutboxRow(note: string): Promise<string> {
  const pool = openPool();
  try {
    const result = await pool.query<{ id: string }>(
      `insert into outbox (event_type, event_version, payload) values ('system.pinged', 1, $1) returning id`,
      [JSON.stringify({ note, requestedBy: "operator" })],
    );
    return result.rows[0]!.id;
  } finally {
    await pool.end();
  }
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
