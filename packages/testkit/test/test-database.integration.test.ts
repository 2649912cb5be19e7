import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../src/index.ts";

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("createTestDatabase()", () => {
  it("gives each caller its own migrated database and drops it, connections and all", async () => {
    const [a, b] = await Promise.all([createTestDatabase({ prefix: "Tk A!" }), createTestDatabase()]);
    try {
      expect(a.name).not.toBe(b.name);
      expect(a.name).toMatch(/^ht_tk_a__/);
      const [row] = await query<{ n: number }>(
        a.url,
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      expect(row?.n).toBeGreaterThan(0);
      await query(
        a.url,
        "insert into system_pings (event_id, note, requested_by) values (gen_random_uuid(), 'a', 't')",
      );
      const [other] = await query<{ n: number }>(b.url, "select count(*)::int as n from system_pings");
      expect(other?.n).toBe(0);

      // An idle connection left open by a test must not block the drop.
      const straggler = new pg.Client({ connectionString: a.url });
      await straggler.connect();
      straggler.on("error", () => {});
      await a.drop();
      await a.drop();
      const admin = new URL(a.url);
      admin.pathname = "/postgres";
      const left = await query(admin.toString(), `select 1 from pg_database where datname = '${a.name}'`);
      expect(left).toHaveLength(0);
      await straggler.end().catch(() => {});
    } finally {
      await a.drop();
      await b.drop();
    }
  });
});
