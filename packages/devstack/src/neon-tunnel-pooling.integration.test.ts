import type { Pool } from "@neondatabase/serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type NeonTunnel, startNeonTunnel } from "./neon-tunnel.ts";
import { createScratchDatabase, neonPoolThroughTunnel, wire, withAdmin } from "./tunnel/test-support.ts";

let tunnel: NeonTunnel;
let database: Awaited<ReturnType<typeof createScratchDatabase>>;
const logs: string[] = [];

beforeAll(async () => {
  database = await createScratchDatabase({ prefix: "tunnel_pool", migrated: false });
  tunnel = await startNeonTunnel({
    port: 0,
    allow: ["127.0.0.1:5432"],
    sessionPool: {},
    log: (l) => logs.push(l),
  });
  await oneClient((pool) => pool.query("CREATE TABLE notes (body text not null)"));
});

afterAll(async () => {
  await tunnel?.close();
  await database?.drop();
});

/** One client with its own connection, closed afterwards, as one Worker request uses the tunnel. */
async function oneClient<T>(fn: (pool: Pool) => Promise<T>, url = database.url): Promise<T> {
  const pool = neonPoolThroughTunnel(tunnel.wsProxy, url, 1);
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

const health = async (t = tunnel) =>
  (await (await fetch(`http://127.0.0.1:${t.port}/health`)).json()) as {
    pool: { live: number; idle: number; waiting: number };
  };
/** Waits until every backend the tunnel started is back in the pool. */
const settled = (t = tunnel) =>
  expect
    .poll(async () => {
      const { pool } = await health(t);
      return pool.idle === pool.live;
    })
    .toBe(true);
const backendPid = (pool: Pool) =>
  pool.query("SELECT pg_backend_pid() AS pid").then((r) => r.rows[0].pid as number);
const alive = (pid: number) =>
  withAdmin(
    async (c) => (await c.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount === 1,
  );

/** A hand-driven client: raw frontend bytes in, everything the tunnel answers collected. */
async function rawClient(t = tunnel) {
  const socket = new WebSocket(`ws://${t.wsProxy}?address=127.0.0.1:5432`);
  const chunks: Buffer[] = [];
  socket.on("message", (data: Buffer) => chunks.push(data));
  await new Promise((resolve) => socket.on("open", resolve));
  return { socket, received: () => Buffer.concat(chunks) };
}
const readyIdle = Buffer.from("Z\0\0\0\x05I");
/** The first column of the first DataRow the server sent (a `SELECT pg_backend_pid()`), as a number. */
function pidIn(bytes: Buffer): number {
  for (let at = 0; at + 5 <= bytes.length; at += 1 + bytes.readInt32BE(at + 1)) {
    if (bytes[at] !== 0x44) continue; // 'D': Int16 columns, then Int32 length and the text
    const length = bytes.readInt32BE(at + 7);
    return Number(bytes.subarray(at + 11, at + 11 + length).toString());
  }
  return Number.NaN;
}

describe("neon tunnel with session pooling", () => {
  it("lends the same warm backend to one client after another", async () => {
    await settled();
    const started = (await health()).pool.live;
    const first = await oneClient(backendPid);
    await settled();
    const second = await oneClient(backendPid);
    expect(second).toBe(first);
    expect((await health()).pool.live).toBe(started);
  });

  it("leaves nothing of one client's session to the next", async () => {
    await settled();
    const pid = await oneClient(async (pool) => {
      const client = await pool.connect();
      try {
        await client.query("SET statement_timeout = '1234s'");
        await client.query("CREATE TEMP TABLE scratchpad (x int)");
        await client.query("PREPARE leftover AS SELECT 1");
        await client.query("LISTEN leftovers");
        await client.query("SELECT pg_advisory_lock(4242)");
        return (await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
      } finally {
        client.release();
      }
    });
    await settled();
    const seen = await oneClient(async (pool) => {
      const { rows } = await pool.query(
        `SELECT pg_backend_pid() AS pid, current_setting('statement_timeout') AS timeout,
           to_regclass('pg_temp.scratchpad') IS NULL AS no_temp,
           (SELECT count(*)::int FROM pg_prepared_statements) AS prepared,
           (SELECT count(*)::int FROM pg_listening_channels()) AS listening,
           (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS locks`,
      );
      return rows[0];
    });
    expect(seen).toEqual({ pid, timeout: "0", no_temp: true, prepared: 0, listening: 0, locks: 0 });
  });

  it("closes a backend whose client left inside a transaction, and its work is rolled back", async () => {
    await settled();
    const { socket, received } = await rawClient();
    socket.send(wire.startup("postgres", database.name));
    await expect.poll(() => received().includes(readyIdle)).toBe(true);
    socket.send(wire.query("BEGIN; INSERT INTO notes VALUES ('uncommitted'); SELECT pg_backend_pid()"));
    await expect.poll(() => received().includes(Buffer.from("Z\0\0\0\x05T"))).toBe(true);
    const pid = pidIn(received());
    expect(await alive(pid)).toBe(true);
    socket.terminate(); // gone without a word, mid-transaction

    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
    const after = await oneClient(async (pool) => ({
      pid: await backendPid(pool),
      notes: (await pool.query("SELECT count(*)::int AS n FROM notes")).rows[0].n as number,
    }));
    expect(after.pid).not.toBe(pid);
    expect(after.notes).toBe(0);
  });

  it("closes a backend whose client sent Terminate with a transaction open", async () => {
    await settled();
    const { socket, received } = await rawClient();
    socket.send(wire.startup("postgres", database.name));
    await expect.poll(() => received().includes(readyIdle)).toBe(true);
    socket.send(wire.query("BEGIN; SELECT pg_backend_pid()"));
    await expect.poll(() => received().includes(Buffer.from("Z\0\0\0\x05T"))).toBe(true);
    const pid = pidIn(received());
    socket.send(wire.terminate);
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
  });

  it("closes a backend whose client left while its query was still running", async () => {
    await settled();
    const { socket, received } = await rawClient();
    socket.send(wire.startup("postgres", database.name));
    await expect.poll(() => received().includes(readyIdle)).toBe(true);
    socket.send(wire.query("SELECT pg_backend_pid()"));
    await expect.poll(() => received().includes(Buffer.from("SELECT 1\0"))).toBe(true);
    const pid = pidIn(received());
    socket.send(wire.query("SELECT pg_sleep(30)"));
    await expect
      .poll(() =>
        withAdmin(
          async (c) =>
            (await c.query("SELECT wait_event FROM pg_stat_activity WHERE pid = $1", [pid])).rows[0]
              ?.wait_event,
        ),
      )
      .toBe("PgSleep");
    socket.terminate();
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
  });

  it("cancels a running query with the key it gave the client, and only while the client holds the backend", async () => {
    await settled();
    const { socket, received } = await rawClient();
    socket.send(wire.startup("postgres", database.name));
    await expect.poll(() => received().includes(readyIdle)).toBe(true);
    const at = received().indexOf(Buffer.from("K\0\0\0\x0c"));
    const key = received().subarray(at + 5, at + 13);
    socket.send(wire.query("SELECT pg_sleep(30)"));

    const canceller = await rawClient();
    const cancel = Buffer.alloc(8);
    cancel.writeInt32BE(16, 0);
    cancel.writeInt32BE(80877102, 4);
    canceller.socket.send(Buffer.concat([cancel, key]));
    await expect.poll(() => received().includes(Buffer.from("C57014\0")), { timeout: 5000 }).toBe(true);
    await expect.poll(() => received().includes(Buffer.from("Z\0\0\0\x05I"), at + 13)).toBe(true);
    socket.send(wire.query("SELECT pg_backend_pid()"));
    await expect.poll(() => received().includes(Buffer.from("SELECT 1\0"))).toBe(true);
    const pid = pidIn(received());
    socket.send(wire.terminate);
    await settled();

    // The same backend, lent to the next client: the first client's key no longer reaches it.
    const next = await rawClient();
    next.socket.send(wire.startup("postgres", database.name));
    await expect.poll(() => next.received().includes(readyIdle)).toBe(true);
    next.socket.send(wire.query("SELECT pg_backend_pid()"));
    await expect.poll(() => next.received().includes(Buffer.from("SELECT 1\0"))).toBe(true);
    expect(pidIn(next.received())).toBe(pid);
    const before = next.received().length;
    const after = () => next.received().subarray(before);
    next.socket.send(wire.query("SELECT pg_sleep(2)"));
    const stale = await rawClient();
    stale.socket.send(Buffer.concat([cancel, key]));
    await expect.poll(() => logs.some((l) => l.includes("cancel request for no current session"))).toBe(true);
    await expect.poll(() => after().includes(Buffer.from("SELECT 1\0")), { timeout: 5000 }).toBe(true);
    expect(after().includes(Buffer.from("C57014\0"))).toBe(false);
    next.socket.send(wire.terminate);
  });

  it("gives clients of other databases their own backends", async () => {
    await settled();
    const here = await oneClient(backendPid);
    const there = await oneClient(backendPid, "postgres://postgres@127.0.0.1:5432/postgres");
    expect(there).not.toBe(here);
  });

  it("answers an SSLRequest with N and goes on with the start-up", async () => {
    const { socket, received } = await rawClient();
    const ssl = Buffer.alloc(8);
    ssl.writeInt32BE(8, 0);
    ssl.writeInt32BE(80877103, 4);
    socket.send(ssl);
    await expect.poll(() => received().toString("latin1")).toBe("N");
    socket.send(wire.startup("postgres", database.name));
    await expect.poll(() => received().includes(readyIdle)).toBe(true);
    socket.send(wire.terminate);
  });

  it("tells the client when the database cannot be reached", async () => {
    const away = await startNeonTunnel({ port: 0, allow: ["127.0.0.1:1"], sessionPool: {} });
    const pool = neonPoolThroughTunnel(away.wsProxy, "postgres://postgres@127.0.0.1:1/nothing", 1);
    try {
      await expect(pool.query("SELECT 1")).rejects.toThrow(/cannot reach 127\.0\.0\.1:1/);
      expect((await health(away)).pool.live).toBe(0);
    } finally {
      await pool.end().catch(() => {});
      await away.close();
    }
  });
});

describe("session pooling with a connection cap", () => {
  it("queues clients beyond maxConnections and serves them all on at most that many backends", async () => {
    const capped = await startNeonTunnel({
      port: 0,
      allow: ["127.0.0.1:5432"],
      maxConnections: 2,
      sessionPool: {},
    });
    try {
      const pids = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const pool = neonPoolThroughTunnel(capped.wsProxy, database.url, 1);
          try {
            const { rows } = await pool.query("SELECT pg_backend_pid() AS pid, pg_sleep(0.2)");
            return rows[0].pid as number;
          } finally {
            await pool.end();
          }
        }),
      );
      expect(pids).toHaveLength(6);
      expect(new Set(pids).size).toBeLessThanOrEqual(2);
      expect((await health(capped)).pool.live).toBeLessThanOrEqual(2);
    } finally {
      await capped.close();
    }
  });
});
