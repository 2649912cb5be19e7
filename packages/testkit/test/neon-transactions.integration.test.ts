import { type CreateDbOptions, createDb, type Database, transactionOpenedWith } from "@hometrip/db";
import { startNeonTunnel } from "@hometrip/devstack";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createTestDatabase, type TestDatabase } from "../src/index.ts";

// Transactions of createDb's session (NeonRoundTripSession) through the production driver and the
// local tunnel: what they commit and roll back, and how many round trips they cost.
let database: TestDatabase;
let tunnel: Awaited<ReturnType<typeof startNeonTunnel>>;
let db: Database;
let endPool: () => Promise<void>;
/** Binary frames the driver has sent: with createDb's coalescing, one per statement sent. */
let framesSent = 0;

/** `ws` counting what the driver sends; createDb wraps it in its coalescing socket as usual. */
class CountingWebSocket extends WebSocket {
  override send(data: unknown, ...rest: unknown[]): void {
    if (typeof data !== "string") framesSent++;
    (super.send as (...args: unknown[]) => void)(data, ...rest);
  }
}

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "neon_tx" });
  const target = new URL(database.url);
  tunnel = await startNeonTunnel({ port: 0, allow: [`${target.hostname}:${target.port || 5432}`] });
  // One connection: a transaction left open or aborted would show in the next test's queries.
  const created = createDb({
    databaseUrl: database.url,
    wsProxy: tunnel.wsProxy,
    max: 1,
    webSocketConstructor: CountingWebSocket as unknown as CreateDbOptions["webSocketConstructor"],
  });
  db = created.db;
  endPool = () => created.pool.end();
  await db.execute(sql`create table claims (id text primary key, note text)`);
  await db.execute(sql`create table effects (claim_id text not null)`);
});

afterAll(async () => {
  await endPool?.();
  await tunnel?.close();
  await database?.drop();
});

beforeEach(async () => {
  await db.execute(sql`truncate claims, effects`);
});

const claim = (id: string, note = "") =>
  sql`insert into claims (id, note) values (${id}, ${note}) on conflict do nothing returning id, note`;
const count = async (table: "claims" | "effects") =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`)).rows[0]?.n;

describe("a transaction opened with a statement", () => {
  it("sends begin and the statement as one message, and hands the statement's rows to the work", async () => {
    const before = framesSent;
    const rows = await transactionOpenedWith(db, claim("a"), async (tx, opened) => {
      await tx.execute(sql`insert into effects (claim_id) values ('a')`);
      return opened;
    });
    expect(rows).toEqual([{ id: "a", note: "" }]);
    // begin + claim, the effect, commit: three messages where drizzle's transaction sends four.
    expect(framesSent - before).toBe(3);

    const plain = framesSent;
    await db.transaction(async (tx) => {
      await tx.execute(claim("b"));
      await tx.execute(sql`insert into effects (claim_id) values ('b')`);
    });
    expect(framesSent - plain).toBe(4);
    expect(await count("effects")).toBe(2);
  });

  it("gets no rows for a claim already taken, and commits nothing it did not write", async () => {
    await transactionOpenedWith(db, claim("taken"), async () => {});
    const again = await transactionOpenedWith(db, claim("taken"), async (_tx, opened) => opened);
    expect(again).toEqual([]);
    expect(await count("claims")).toBe(1);
  });

  it("rolls the statement back with the work when the work throws", async () => {
    const failing = transactionOpenedWith(db, claim("rolled-back"), async (tx) => {
      await tx.execute(sql`insert into effects (claim_id) values ('rolled-back')`);
      throw new Error("handler failed");
    });
    await expect(failing).rejects.toThrow("handler failed");
    expect(await count("claims")).toBe(0);
    expect(await count("effects")).toBe(0);
  });

  it("fails with the database's error when the statement fails, leaving the connection usable", async () => {
    const bad = transactionOpenedWith(db, sql`insert into claims (id) values (${null})`, async () => "ran");
    await expect(bad).rejects.toThrow(/null value in column "id"/);
    // The pool has one connection: it must not still be inside the aborted transaction.
    await expect(
      transactionOpenedWith(db, claim("after"), async (_tx, opened) => opened),
    ).resolves.toHaveLength(1);
  });

  it("writes quotes, backslashes and non-ASCII text into the statement exactly", async () => {
    const note = `O'Brien \\ "x" \\' ; drop table claims; -- ünïcødé 🏠`;
    const [opened] = await transactionOpenedWith(db, claim("quoted", note), async (_tx, rows) => rows);
    expect(opened).toEqual({ id: "quoted", note });
    const stored = await db.execute<{ note: string }>(sql`select note from claims where id = 'quoted'`);
    expect(stored.rows[0]?.note).toBe(note);
  });

  it("refuses a NUL in the statement before anything is sent", async () => {
    const before = framesSent;
    await expect(transactionOpenedWith(db, claim("nul", "a\0b"), async () => {})).rejects.toThrow(/NUL/);
    expect(framesSent - before).toBe(0);
    expect(await count("claims")).toBe(0);
  });

  it("runs the statement as a savepoint's first query inside another transaction", async () => {
    const rows = await db.transaction((tx) =>
      transactionOpenedWith(tx, claim("nested"), async (_tx, r) => r),
    );
    expect(rows).toEqual([{ id: "nested", note: "" }]);
    expect(await count("claims")).toBe(1);
  });
});

describe("createDb's transactions", () => {
  it("begin with the isolation level and access mode asked for", async () => {
    const seen = await db.transaction(
      async (tx) => {
        const level = await tx.execute<{ level: string }>(
          sql`select current_setting('transaction_isolation') as level`,
        );
        const readOnly = await tx.execute<{ ro: string }>(
          sql`select current_setting('transaction_read_only') as ro`,
        );
        return { level: level.rows[0]?.level, readOnly: readOnly.rows[0]?.ro };
      },
      { isolationLevel: "serializable", accessMode: "read only" },
    );
    expect(seen).toEqual({ level: "serializable", readOnly: "on" });
  });

  it("still answer relational queries (tx.query), whose builders they make when first used", async () => {
    const found = await db.transaction(async (tx) => {
      await tx.execute(sql`insert into users (email, display_name) values ('lazy@example.test', 'Lazy')`);
      return tx.query.users.findFirst({
        columns: { email: true },
        where: (u, { eq }) => eq(u.email, "lazy@example.test"),
      });
    });
    expect(found).toEqual({ email: "lazy@example.test" });
  });

  // Vitest fails the file on an unhandled error: an "error" event nobody listens to would be one.
  it("fail with the error when the connection dies mid-way, and the next query gets a new one", async () => {
    const killed = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
    });
    await expect(killed).rejects.toThrow();
    expect(await count("claims")).toBe(0);
  });
});
