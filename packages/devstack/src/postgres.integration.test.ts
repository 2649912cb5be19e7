import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/neon-serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startNeonTunnel } from "./neon-tunnel.ts";
import { resolvePostgres } from "./postgres.ts";
import { adminUrl, neonPoolThroughTunnel, wire, withAdmin } from "./tunnel/test-support.ts";

/** A port nothing listens on: bind an ephemeral one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("resolvePostgres with DATABASE_URL", () => {
  it("uses a DATABASE_URL that answers", async () => {
    const pg = await resolvePostgres({
      databaseUrl: adminUrl,
      dataDir: "/nonexistent",
      pglitePort: 0,
      dbName: "x",
    });
    expect(pg).toMatchObject({ kind: "url", url: adminUrl, host: "127.0.0.1", port: 5432 });
  });

  it("names DATABASE_URL, without its password, when it does not answer", async () => {
    const url = `postgres://app:s3cret@127.0.0.1:${await closedPort()}/app`;
    const attempt = resolvePostgres({
      databaseUrl: url,
      dataDir: "/nonexistent",
      pglitePort: 0,
      dbName: "x",
    });
    await expect(attempt).rejects.toThrow(
      /DATABASE_URL \(postgres:\/\/app:\*\*\*@127\.0\.0\.1:\d+\/app\) does not answer/,
    );
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});

describe("resolvePostgres with a local Postgres", () => {
  const dbName = `resolve_local_${Date.now().toString(36)}`;
  afterAll(() => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName}`)));

  it("creates the database on first use and reuses it after", async () => {
    const first = await resolvePostgres({ dataDir: "/nonexistent", pglitePort: 0, dbName });
    expect(first).toMatchObject({ kind: "local", host: "127.0.0.1", port: 5432 });
    expect(first.url).toBe(`postgres://postgres@127.0.0.1:5432/${dbName}`);
    const again = await resolvePostgres({ dataDir: "/nonexistent", pglitePort: 0, dbName });
    expect(again.url).toBe(first.url);
    const exists = await withAdmin((c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]));
    expect(exists.rowCount).toBe(1);
  });
});

describe("resolvePostgres falling back to PGlite", () => {
  let dataDir: string;
  let localUrl: string;
  let stack: Awaited<ReturnType<typeof openStack>>;
  const logs: string[] = [];

  /** PGlite plus a tunnel in front, as `bun run dev` runs them. */
  async function openStack() {
    const pg = await resolvePostgres({
      dataDir,
      localUrl,
      pglitePort: 0,
      dbName: "hometrip_dev",
      log: (l) => logs.push(l),
    });
    const tunnel = await startNeonTunnel({ allow: [`${pg.host}:${pg.port}`] });
    return {
      pg,
      tunnel,
      pool: () => neonPoolThroughTunnel(tunnel.wsProxy, pg.url, 1), // PGlite: one connection
      close: async () => {
        await tunnel.close();
        await pg.close();
      },
    };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "hometrip-pglite-"));
    // Nothing listens there, so there is "no local Postgres".
    localUrl = `postgres://postgres@127.0.0.1:${await closedPort()}/postgres`;
    stack = await openStack();
  });
  afterAll(async () => {
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("serves the neon driver and drizzle, with btree_gist and pg_trgm", async () => {
    expect(stack.pg.kind).toBe("pglite");
    expect(logs.some((l) => l.includes("no Postgres at"))).toBe(true);

    const pool = stack.pool();
    const db = drizzle({ client: pool });
    await db.execute(sql`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.execute(sql`
      CREATE TABLE stays (
        listing_id int NOT NULL, guest text NOT NULL, check_in date NOT NULL, check_out date NOT NULL,
        EXCLUDE USING gist (listing_id WITH =, daterange(check_in, check_out, '[)') WITH &&)
      )`);
    await db.execute(sql`INSERT INTO stays VALUES (1, 'ana', '2026-07-01', '2026-07-05')`);
    // Back-to-back is fine; an overlap violates the exclusion constraint (SQLSTATE 23P01).
    await db.execute(sql`INSERT INTO stays VALUES (1, 'bo', '2026-07-05', '2026-07-08')`);
    const overlap = await db
      .execute(sql`INSERT INTO stays VALUES (1, 'cy', '2026-07-04', '2026-07-06')`)
      .catch((e) => e);
    expect(overlap.cause?.code).toBe("23P01");

    // The pool dropped the failed connection and dials a new one at once: it must get through.
    const trgm = await db.execute(sql`SELECT similarity('Lisbon', 'Lisboa') > 0.3 AS close`);
    expect(trgm.rows[0]).toEqual({ close: true });

    await db
      .transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO stays VALUES (2, 'dee', '2026-08-01', '2026-08-03')`);
        tx.rollback();
      })
      .catch(() => {});
    const count = await db.execute(sql`SELECT count(*)::int AS n FROM stays`);
    expect(count.rows[0]).toEqual({ n: 2 });
    await pool.end();
  });

  it("frees the single connection when a client sends Terminate and keeps its socket open", async () => {
    // PGlite would keep the socket, and with it its only connection; the tunnel closes both ends.
    const raw = new WebSocket(`ws://${stack.tunnel.wsProxy}?address=${stack.pg.host}:${stack.pg.port}`);
    const rawClosed = new Promise<number>((resolve) => raw.on("close", resolve));
    const ready = new Promise<void>((resolve) =>
      raw.on("message", (d: Buffer) => d.includes(0x5a) && resolve()),
    );
    await new Promise((resolve) => raw.on("open", resolve));
    raw.send(wire.startup("postgres", "postgres"));
    await ready;
    raw.send(wire.terminate);
    expect(await rawClosed).toBe(1000);

    const pool = stack.pool();
    expect((await pool.query("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
    await pool.end();
  });

  it("lets a second client wait its turn instead of refusing it", async () => {
    // Two pools at once, as the API and the workers would hold them.
    const [first, second] = [stack.pool(), stack.pool()];
    const firstResult = await first.query("SELECT 1 AS n");
    const secondResult = second.query("SELECT 2 AS n"); // queued behind first's idle connection
    await first.end();
    expect(firstResult.rows).toEqual([{ n: 1 }]);
    expect((await secondResult).rows).toEqual([{ n: 2 }]);
    await second.end();
  });

  it("keeps the data across close and reopen of the data directory", async () => {
    await stack.close();
    stack = await openStack();
    expect(stack.pg.kind).toBe("pglite");
    const pool = stack.pool();
    const guests = await pool.query("SELECT guest FROM stays ORDER BY check_in");
    expect(guests.rows.map((r) => r.guest)).toEqual(["ana", "bo"]);
    const ext = await pool.query(
      "SELECT extname FROM pg_extension WHERE extname IN ('btree_gist', 'pg_trgm')",
    );
    expect(ext.rows.map((r) => r.extname).sort()).toEqual(["btree_gist", "pg_trgm"]);
    await pool.end();
  });
});
