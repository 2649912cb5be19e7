import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { addDays, todayIn } from "@hometrip/contracts/dates";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/migrate.ts";
import { insertBlock, insertBooking, insertListingFixture } from "./support/fixtures.ts";
import { connect, sqlState } from "./support/scratch-database.ts";

// `bun run dev` falls back to embedded PGlite when no Postgres answers; the same migrations,
// applied by the same migrator over TCP, must work there, with the extensions it loads
// (packages/devstack/src/postgres/pglite.ts).
let db: PGlite;
let server: PGLiteSocketServer;
let url: string;

/** Stays from a month ahead on, from the clock: the rules hold on any dates, and no date here expires. */
const start = addDays(todayIn("UTC", new Date()), 30);
const day = (offset: number) => addDays(start, offset);

beforeAll(async () => {
  db = await PGlite.create({ extensions: { btree_gist, pg_trgm, cube, earthdistance, fuzzystrmatch } });
  server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1" });
  await server.start();
  url = `postgres://postgres@${server.getServerConn()}/postgres`;
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe("migrations on PGlite", () => {
  it("apply, re-run as a no-op, and enforce the overlap rule with 23P01", async () => {
    const lines: string[] = [];
    await migrate(url, { log: (l) => lines.push(l) });
    await migrate(url, { log: (l) => lines.push(l) });
    expect(lines[0]).toMatch(/^migrations: applied \d+/);
    expect(lines[1]).toBe("migrations: up to date");

    // PGlite serves one connection at a time.
    const client: pg.Client = await connect(url);
    try {
      const { listingId, guestId } = await insertListingFixture(client);
      await insertBooking(client, { listingId, guestId, checkIn: day(0), checkOut: day(3) });
      await insertBooking(client, { listingId, guestId, checkIn: day(3), checkOut: day(5) });
      const overlap = await insertBooking(client, {
        listingId,
        guestId,
        checkIn: day(2),
        checkOut: day(4),
      }).catch(sqlState);
      expect(overlap).toBe("23P01");
      expect(await insertBlock(client, listingId, day(4), day(8)).catch(sqlState)).toBe("23P01");
    } finally {
      await client.end();
    }
  });
});
