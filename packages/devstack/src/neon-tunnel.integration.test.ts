import { createHash } from "node:crypto";
import type { Pool } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/neon-serverless";
import { integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type NeonTunnel, startNeonTunnel } from "./neon-tunnel.ts";
import { createScratchDatabase, neonPoolThroughTunnel, wire, withAdmin } from "./tunnel/test-support.ts";

const stays = pgTable("stays", {
  id: serial("id").primaryKey(),
  guest: text("guest").notNull(),
  nights: integer("nights").notNull(),
});

let tunnel: NeonTunnel;
let database: Awaited<ReturnType<typeof createScratchDatabase>>;
let pool: Pool;
const logs: string[] = [];

beforeAll(async () => {
  database = await createScratchDatabase({ prefix: "tunnel", migrated: false });
  tunnel = await startNeonTunnel({ port: 0, allow: ["127.0.0.1:5432"], log: (l) => logs.push(l) });
  pool = neonPoolThroughTunnel(tunnel.wsProxy, database.url);
  await pool.query("CREATE TABLE stays (id serial primary key, guest text not null, nights int not null)");
});

afterAll(async () => {
  await pool?.end();
  await tunnel?.close();
  await database?.drop();
});

const backendsOf = (name: string) =>
  withAdmin(async (c) => {
    const r = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
    return r.rows[0].n as number;
  });

describe("neon tunnel", () => {
  it("answers GET /health", async () => {
    const res = await fetch(`http://127.0.0.1:${tunnel.port}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("carries drizzle queries from the neon driver to Postgres", async () => {
    const db = drizzle({ client: pool });
    await db.insert(stays).values([
      { guest: "ana", nights: 3 },
      { guest: "bo", nights: 5 },
    ]);
    const rows = await db.select().from(stays).where(sql`${stays.nights} > 4`);
    expect(rows).toEqual([{ id: expect.any(Number), guest: "bo", nights: 5 }]);
  });

  it("rolls back an interactive transaction", async () => {
    const db = drizzle({ client: pool });
    const attempt = db.transaction(async (tx) => {
      await tx.insert(stays).values({ guest: "ghost", nights: 1 });
      const [seen] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(stays)
        .where(sql`guest = 'ghost'`);
      expect(seen?.n).toBe(1); // visible inside the transaction…
      throw new Error("changed my mind");
    });
    await expect(attempt).rejects.toThrow("changed my mind");
    const [after] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(stays)
      .where(sql`guest = 'ghost'`);
    expect(after?.n).toBe(0); // …and gone after the rollback
  });

  it("serves concurrent connections, each its own backend", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        pool.query(
          "SELECT pg_backend_pid() AS pid, clock_timestamp() AS started, pg_sleep(0.3), clock_timestamp() AS ended",
        ),
      ),
    );
    const rows = results.map((r) => r.rows[0] as { pid: number; started: Date; ended: Date });
    expect(new Set(rows.map((r) => r.pid)).size).toBe(5);
    // In parallel, not one after another: every statement started before any of them ended.
    const lastStart = Math.max(...rows.map((r) => r.started.getTime()));
    const firstEnd = Math.min(...rows.map((r) => r.ended.getTime()));
    expect(lastStart).toBeLessThan(firstEnd);
  });

  it("refuses an address that is not allow-listed with HTTP 403", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`ws://${tunnel.wsProxy}?address=127.0.0.1:6379`);
      socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      socket.on("open", () => reject(new Error("tunnel opened a non-allow-listed address")));
      socket.on("error", () => {});
    });
    expect(status).toBe(403);
    expect(logs.some((l) => l.includes("127.0.0.1:6379") && l.includes("allow-list"))).toBe(true);

    // The driver surfaces it as a failed connection rather than hanging.
    const other = neonPoolThroughTunnel(tunnel.wsProxy, "postgres://postgres@localhost:5432/postgres");
    await expect(other.query("SELECT 1")).rejects.toThrow();
    await other.end().catch(() => {});
  });

  it("closes the database connection when the client sends Terminate", async () => {
    const before = await backendsOf(database.name);
    const socket = new WebSocket(`ws://${tunnel.wsProxy}?address=127.0.0.1:5432`);
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    const ready = new Promise<void>((resolve) =>
      socket.on("message", (data: Buffer) => data.includes(Buffer.from("Z\0\0\0\x05")) && resolve()),
    );
    await new Promise((resolve) => socket.on("open", resolve));
    socket.send(wire.startup("postgres", database.name));
    await ready;
    expect(await backendsOf(database.name)).toBe(before + 1);

    // Terminate, but leave the WebSocket open: the tunnel must close both ends by itself.
    socket.send(wire.terminate);
    expect(await closed).toBe(1000);
    await expect.poll(() => backendsOf(database.name), { timeout: 5000 }).toBe(before);
  });

  it("delivers a 6 MB result intact", async () => {
    const { rows } = await pool.query(
      `SELECT blob, md5(blob) AS digest FROM
         (SELECT string_agg(md5(i::text), '' ORDER BY i) AS blob FROM generate_series(1, 200000) i) s`,
    );
    const { blob, digest } = rows[0] as { blob: string; digest: string };
    expect(blob.length).toBe(6_400_000);
    expect(createHash("md5").update(blob).digest("hex")).toBe(digest);
  });

  it("pauses Postgres while the client is not reading, then resumes losslessly", async () => {
    const socket = new WebSocket(`ws://${tunnel.wsProxy}?address=127.0.0.1:5432`);
    const chunks: Buffer[] = [];
    socket.on("message", (data: Buffer) => chunks.push(data));
    await new Promise((resolve) => socket.on("open", resolve));
    socket.send(wire.startup("postgres", database.name));
    await expect.poll(() => Buffer.concat(chunks).includes(Buffer.from("Z\0\0\0\x05I"))).toBe(true);
    socket.pause(); // a slow client: it stops reading from the tunnel, then asks for 40 MB
    socket.send(wire.query("SELECT repeat('x', 1000) FROM generate_series(1, 40000)"));

    const waitsOnClient = () =>
      withAdmin(async (c) => {
        const r = await c.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event = 'ClientWrite'",
          [database.name],
        );
        return r.rows[0].n as number;
      });
    await expect.poll(waitsOnClient, { timeout: 5000 }).toBe(1);

    socket.resume();
    const done = Buffer.from("SELECT 40000\0"); // CommandComplete, after the last DataRow
    await expect.poll(() => Buffer.concat(chunks).includes(done), { timeout: 10_000 }).toBe(true);
    const received = Buffer.concat(chunks);
    expect(received.length).toBeGreaterThan(40_000 * 1000);
    expect(received.toString("latin1").split("D\0\0\x03").length - 1).toBe(40_000); // every DataRow
    socket.send(wire.terminate);
  });
});

describe("neon tunnel with a connection cap", () => {
  it("queues clients beyond maxConnections instead of refusing them, and lets them through in turn", async () => {
    const capped = await startNeonTunnel({ port: 0, allow: ["127.0.0.1:5432"], maxConnections: 2 });
    const clients = Array.from({ length: 6 }, () => neonPoolThroughTunnel(capped.wsProxy, database.url));
    try {
      const baseline = await backendsOf(database.name);
      let peak = 0;
      const answers = await Promise.all(
        clients.map(async (client) => {
          const { rows } = await client.query("SELECT pg_sleep(0.2), 1 AS one");
          peak = Math.max(peak, await backendsOf(database.name));
          await client.end();
          return rows[0].one as number;
        }),
      );
      expect(answers).toEqual([1, 1, 1, 1, 1, 1]);
      // The suite's own pool keeps its connections; the capped tunnel never adds more than two.
      expect(peak - baseline).toBeLessThanOrEqual(2);
      expect(peak - baseline).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all(clients.map((client) => client.end().catch(() => {})));
      await capped.close();
    }
  });
});
