import { createHttpSql } from "@hometrip/db";
import { NeonDbError, neon, neonConfig } from "@neondatabase/serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NeonTunnel, startNeonTunnel } from "./neon-tunnel.ts";
import { createScratchDatabase, withAdmin } from "./tunnel/test-support.ts";

let tunnel: NeonTunnel;
let database: Awaited<ReturnType<typeof createScratchDatabase>>;
const logs: string[] = [];
const sql = () => neon(database.url, { fullResults: true });

beforeAll(async () => {
  database = await createScratchDatabase({ prefix: "sql_http", migrated: false });
  tunnel = await startNeonTunnel({ port: 0, allow: ["127.0.0.1:5432"], log: (l) => logs.push(l) });
  // The driver's only way to aim neon() at an endpoint: a process-wide setting.
  neonConfig.fetchEndpoint = tunnel.httpEndpoint;
  await sql().query(
    "CREATE TABLE stays (id serial primary key, guest text not null unique, nights int not null)",
  );
});

afterAll(async () => {
  await tunnel?.close();
  await database?.drop();
});

const health = async () =>
  (await (await fetch(`http://127.0.0.1:${tunnel.port}/health`)).json()) as {
    sql: { requests: number; pools: number };
  };

describe("Neon SQL over HTTP (POST /sql)", () => {
  it("sends parameters and returns every type as the driver parses it", async () => {
    const at = new Date("2031-03-14T09:30:00.000Z");
    const { rows, fields, command, rowCount } = await sql().query(
      `SELECT $1::int AS nights, $2::bigint AS big, $3::numeric AS amount, $4::jsonb AS doc,
              $5::int[] AS ints, $6::text[] AS words, $7::timestamptz AS at, '2031-03-14'::date AS day,
              $8::text AS nothing, $9::bool AS yes, 'tab\there "quoted"' AS odd`,
      [
        3,
        9007199254740993n,
        "12.50",
        { guests: [1, 2], pet: null },
        [1, 2, 3],
        ["a", "b c", null],
        at,
        null,
        true,
      ],
    );
    expect(command).toBe("SELECT");
    expect(rowCount).toBe(1);
    expect(fields.map((f) => f.name)).toEqual([
      "nights",
      "big",
      "amount",
      "doc",
      "ints",
      "words",
      "at",
      "day",
      "nothing",
      "yes",
      "odd",
    ]);
    expect(fields[0]).toMatchObject({ dataTypeID: 23 });
    expect(rows[0]).toEqual({
      nights: 3,
      big: "9007199254740993", // int8 stays a string, as node-postgres leaves it
      amount: "12.50",
      doc: { guests: [1, 2], pet: null },
      ints: [1, 2, 3],
      words: ["a", "b c", null],
      at,
      day: expect.any(Date),
      nothing: null,
      yes: true,
      odd: 'tab\there "quoted"',
    });
  });

  it("reports writes with their command and row count", async () => {
    const inserted = await sql().query("INSERT INTO stays (guest, nights) VALUES ($1, 2), ($2, 4)", [
      "ana",
      "bo",
    ]);
    expect(inserted).toMatchObject({ command: "INSERT", rowCount: 2, rows: [] });
    const updated = await sql().query("UPDATE stays SET nights = nights + 1 WHERE guest = ANY($1)", [
      ["ana", "bo"],
    ]);
    expect(updated).toMatchObject({ command: "UPDATE", rowCount: 2 });
  });

  it("surfaces a SQL error as NeonDbError with its SQLSTATE and Postgres' fields", async () => {
    const failure = await sql()
      .query("SELECT nights FROM stays WHERE guest = $1 AND nights / 0 > 1", ["ana"])
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NeonDbError);
    expect(failure).toMatchObject({ code: "22012", message: "division by zero", severity: "ERROR" });

    const duplicate = await sql()
      .query("INSERT INTO stays (guest, nights) VALUES ('ana', 1)")
      .catch((e: unknown) => e);
    expect(duplicate).toMatchObject({
      name: "NeonDbError",
      code: "23505",
      constraint: "stays_guest_key",
      table: "stays",
      detail: "Key (guest)=(ana) already exists.",
    });
  });

  it("refuses a connection string whose address is not allow-listed", async () => {
    const requestsBefore = (await health()).sql.requests;
    const elsewhere = neon("postgres://postgres@127.0.0.1:6379/postgres");
    const failure = await elsewhere.query("SELECT 1").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NeonDbError);
    expect((failure as Error).message).toBe("127.0.0.1:6379 is not an allowed database address");
    expect(logs.some((l) => l.includes("refused 127.0.0.1:6379") && l.includes("POST /sql"))).toBe(true);
    expect((await health()).sql.requests).toBe(requestsBefore + 1);
  });

  it("answers consecutive calls from one pooled, already warm backend", async () => {
    const first = await sql().query("SELECT pg_backend_pid() AS pid");
    const second = await sql().query("SELECT pg_backend_pid() AS pid");
    expect(second.rows[0]?.pid).toBe(first.rows[0]?.pid);
  });

  it("runs a transaction batch atomically: a failing statement rolls back the ones before it", async () => {
    const db = sql();
    const attempt = db.transaction([
      db.query("INSERT INTO stays (guest, nights) VALUES ('cy', 1)"),
      db.query("INSERT INTO stays (guest, nights) VALUES ('bo', 1)"), // unique violation
    ]);
    await expect(attempt).rejects.toMatchObject({ name: "NeonDbError", code: "23505" });
    const { rows } = await db.query("SELECT count(*)::int AS n FROM stays WHERE guest = 'cy'");
    expect(rows[0]?.n).toBe(0);

    const [inserted, counted] = await db.transaction([
      db.query("INSERT INTO stays (guest, nights) VALUES ('cy', 1) RETURNING guest"),
      db.query("SELECT count(*)::int AS n FROM stays"),
    ]);
    expect(inserted?.rows).toEqual([{ guest: "cy" }]);
    expect(counted?.rows).toEqual([{ n: 3 }]);
  });

  it("applies the batch's read-only and isolation settings", async () => {
    const db = sql();
    const readOnly = db.transaction([db.query("DELETE FROM stays")], { readOnly: true });
    await expect(readOnly).rejects.toMatchObject({ code: "25006" });
    const [level] = await db.transaction([db.query("SHOW transaction_isolation")], {
      isolationLevel: "Serializable",
    });
    expect(level?.rows).toEqual([{ transaction_isolation: "serializable" }]);
  });

  it("never hands a connection left inside a transaction to the next request", async () => {
    await sql().query("BEGIN");
    const idleInTransaction = () =>
      withAdmin(async (c) => {
        const r = await c.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state LIKE 'idle in transaction%'",
          [database.name],
        );
        return r.rows[0].n as number;
      });
    await expect.poll(idleInTransaction, { timeout: 5000 }).toBe(0);
  });

  it("takes one statement per query, as Neon's extended-protocol execution does", async () => {
    const failure = await sql()
      .query("SELECT 1; SELECT 2")
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "NeonDbError", code: "42601" });
  });

  it("serves createHttpSql from @hometrip/db, the executor the API's search uses", async () => {
    const executor = createHttpSql({ connectionString: database.url, fetchEndpoint: tunnel.httpEndpoint });
    const { rows } = await executor.query("SELECT guest, nights FROM stays WHERE guest = $1", ["ana"]);
    expect(rows).toEqual([{ guest: "ana", nights: 3 }]);
  });

  it("closes its pooled connections when the stand-in closes", async () => {
    const own = await startNeonTunnel({ port: 0, allow: ["127.0.0.1:5432"] });
    const response = await fetch(own.httpEndpoint, {
      method: "POST",
      headers: {
        "Neon-Connection-String": database.url,
        "Neon-Raw-Text-Output": "true",
        "Neon-Array-Mode": "true",
      },
      body: JSON.stringify({ query: "SELECT pg_backend_pid()", params: [] }),
    });
    const body = (await response.json()) as { rows: string[][]; rowAsArray: boolean };
    expect(body.rowAsArray).toBe(true);
    const pid = Number(body.rows[0]?.[0]);
    const alive = () =>
      withAdmin(
        async (c) => (await c.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount,
      );
    expect(await alive()).toBe(1);
    await own.close();
    await expect.poll(alive, { timeout: 5000 }).toBe(0);
  });
});
