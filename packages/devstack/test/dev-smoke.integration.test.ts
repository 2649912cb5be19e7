import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { freePorts } from "../src/free-ports.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const adminToken = "smoke-admin-token-0123456789";

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

/**
 * The whole stack as a developer starts it. "auto" takes the local Postgres (a fresh database);
 * "pglite" is the fresh-machine path with the embedded database behind its one-client gate.
 */
describe.each(["auto", "pglite"] as const)("bun run dev (POSTGRES_MODE=%s)", (mode) => {
  let child: ChildProcess;
  let output = "";
  const ports: Record<string, number> = {};
  let dataDir: string;
  let exitCode: number | null = null;
  const dbName = `hometrip_smoke_${mode}_${process.pid}_${Date.now().toString(36)}`;
  const appDbUrl = () =>
    mode === "pglite"
      ? `postgres://postgres:postgres@127.0.0.1:${ports.PGLITE}/postgres`
      : adminUrl.replace(/\/[^/]*$/, `/${dbName}`);
  async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    const db = new pg.Client({ connectionString: appDbUrl() });
    await db.connect();
    try {
      return (await db.query<R>(sql, params)).rows;
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    const services = ["API", "WEB", "REALTIME", "WORKERS", "NEON_TUNNEL", "REDIS_BRIDGE", "QSTASH", "PGLITE"];
    Object.assign(ports, await freePorts(services));
    dataDir = mkdtempSync(join(tmpdir(), "hometrip-smoke-"));
    child = spawn(process.env.BUN_BINARY ?? "bun", ["run", "dev"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HOMETRIP_DATA_DIR: dataDir,
        HOMETRIP_DB_NAME: dbName,
        POSTGRES_MODE: mode,
        // `next dev` locks its build folder; a developer's own stack keeps apps/web/.next.
        NEXT_DIST_DIR: ".next-smoke",
        ADMIN_API_TOKEN: adminToken,
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [`${k}_PORT`, String(v)])),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => {
      output += d.toString();
    });
    child.stderr?.on("data", (d) => {
      output += d.toString();
    });
    child.on("exit", (code) => {
      exitCode = code;
    });
    const deadline = Date.now() + 280_000;
    while (!output.includes("all services healthy")) {
      if (exitCode !== null) throw new Error(`dev exited with ${exitCode}:\n${output.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`dev did not come up:\n${output.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 300_000);

  afterAll(async () => {
    if (child && exitCode === null) child.kill("SIGKILL");
    if (mode === "auto") {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("prints every URL and reaches green health", async () => {
    expect(output).toContain(`http://127.0.0.1:${ports.API}`);
    expect(output).toContain(`http://127.0.0.1:${ports.REALTIME}`);
    expect(output).toContain(`http://localhost:${ports.WEB}`);
    const res = await fetch(`http://127.0.0.1:${ports.API}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string };
    expect(body.status).toBe("ok");
  }, 30_000);

  it("answers a guest search over the Neon stand-in's SQL-over-HTTP endpoint", async () => {
    // A ceiling no other run has asked for: a shared local Redis cannot answer it from cache.
    const input = JSON.stringify({ priceMax: 1_000_000_000 + Math.floor(Math.random() * 1_000_000) });
    const res = await fetch(
      `http://127.0.0.1:${ports.API}/trpc/search.listings?input=${encodeURIComponent(input)}`,
    );
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: { data: { hits: unknown[] } } };
    expect(result.data.hits.length).toBeGreaterThan(0);
    const health = await fetch(`http://127.0.0.1:${ports.NEON_TUNNEL}/health`);
    expect(((await health.json()) as { sql: { requests: number } }).sql.requests).toBeGreaterThan(0);
  }, 30_000);

  it("seeded demo data on first run", async () => {
    const rows = await query<{ n: number }>("select count(*)::int as n from listings");
    expect(rows[0]?.n).toBe(300);
  }, 30_000);

  it("carries an event from the API through the broker to the workers", async () => {
    const res = await fetch(`http://127.0.0.1:${ports.API}/trpc/system.ping`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ note: "smoke" }),
    });
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: { data: { eventId: string } } };
    // A connection per look: PGlite admits one client at a time, and the workers need it too.
    let found = 0;
    for (let i = 0; i < 60 && found === 0; i++) {
      const rows = await query("select 1 from system_pings where event_id = $1", [result.data.eventId]);
      found = rows.length;
      if (!found) await new Promise((r) => setTimeout(r, 500));
    }
    expect(found).toBe(1);
  }, 60_000);

  it("serves a realtime room, which refuses a caller naming itself with ?userId=", async () => {
    // Rooms admit nobody until edge/api signs room tokens; a query-string identity is refused.
    const ws = new WebSocket(`ws://127.0.0.1:${ports.REALTIME}/parties/main/smoke-room?userId=u1&name=Ana`);
    const [frame, code] = await Promise.all([
      new Promise<{ type: string; code: string }>((resolve, reject) => {
        ws.once("message", (data) => resolve(JSON.parse(data.toString())));
        ws.once("error", reject);
        setTimeout(() => reject(new Error("no frame from the room")), 10_000);
      }),
      new Promise<number>((resolve) => ws.once("close", (closeCode) => resolve(closeCode))),
    ]);
    expect(frame).toMatchObject({ type: "error", code: "UNAUTHORIZED" });
    expect(code).toBe(4401);
  }, 30_000);

  it("stops everything on Ctrl-C and leaves no port open", async () => {
    child.kill("SIGINT");
    const deadline = Date.now() + 30_000;
    while (exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(exitCode).toBe(0);
    for (const [name, port] of Object.entries(ports)) {
      expect({ name, open: await portOpen(port) }).toEqual({ name, open: false });
    }
  }, 40_000);
});
