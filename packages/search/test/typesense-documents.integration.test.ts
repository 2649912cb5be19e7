import { epochDay } from "@hometrip/contracts/dates";
import { createScratchDatabase, type ScratchDatabase } from "@hometrip/db/scratch";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocumentBatch, loadDocuments } from "../src/typesense/documents.ts";
import { day, type Fixture, insertFixture } from "./fixtures.ts";

// What the Typesense adapter copies out of Postgres; runs without a Typesense server.
let database: ScratchDatabase;
let client: pg.Client;
let fixture: Fixture;

beforeAll(async () => {
  database = await createScratchDatabase({ prefix: "search_documents" });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  fixture = await insertFixture(client);
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const days = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => epochDay(day(from + i)));

describe("typesense documents", () => {
  it("carry every occupied night (bookings and blocks, not cancelled stays) and the card fields", async () => {
    const [l1] = await loadDocuments(client, [fixture.ids.L1!], new Date());
    expect(l1?.booked_days).toEqual([...days(10, 15), ...days(20, 22)]);
    expect(l1).toMatchObject({
      title: "Sunny loft in Alfama",
      location: [38.7115, -9.1305],
      nightly_price: 10_000,
      total_1_0: 17_000,
      total_1_1: 17_000,
      total_3_0: 37_000,
      total_30_8: 307_000,
      total_30_10: 307_000,
      rating_x100: 500,
      rating_count: 2,
      cover_photo_url: `https://photos.test/${fixture.ids.L1}/cover.jpg`,
    });
  });

  it("carry the place's other names: country names, local city names, the nearest neighbourhood", async () => {
    const [l2, l8] = await loadDocuments(client, [fixture.ids.L2!, fixture.ids.L8!], new Date());
    const byId = new Map([l2, l8].map((d) => [d?.id, d?.place_names ?? ""]));
    const lisbon = byId.get(fixture.ids.L2) ?? "";
    for (const name of ["Portugal", "Lisboa", "Alfama"]) expect(lisbon).toContain(name);
    expect(byId.get(fixture.ids.L8)).toContain("Oporto");
  });

  it("carry the weekend price and discounts, and include them in the stored stay totals", async () => {
    await client.query(
      `update listings set weekend_price = 15000, weekly_discount_percent = 10, monthly_discount_percent = 20
       where id = $1`,
      [fixture.ids.L8],
    );
    const [l8] = await loadDocuments(client, [fixture.ids.L8!], new Date());
    expect(l8).toMatchObject({
      nightly_price: 12_000,
      weekend_price: 15_000,
      weekly_discount_percent: 10,
      monthly_discount_percent: 20,
      cleaning_fee: 0,
      total_2_0: 24_000,
      total_2_1: 27_000,
      total_2_2: 30_000,
      // 5 x 120 + 2 x 150 = 900, less 10 %
      total_7_2: 81_000,
      // 20 x 120 + 8 x 150 = 3,600, less 20 %
      total_28_8: 288_000,
    });
    const [l1] = await loadDocuments(client, [fixture.ids.L1!], new Date());
    expect(l1).not.toHaveProperty("weekend_price");
  });

  it("leave out drafts and unlisted homes so upsert can drop them", async () => {
    const docs = await loadDocuments(client, [fixture.ids.L5!, fixture.ids.L6!, fixture.ids.L7!], new Date());
    expect(docs.map((d) => d.id)).toEqual([fixture.ids.L7]);
  });

  it("page through every published listing in id order for a rebuild", async () => {
    const first = await loadDocumentBatch(client, null, 5, new Date());
    const rest = await loadDocumentBatch(client, first.at(-1)?.id ?? null, 50, new Date());
    const ids = [...first, ...rest].map((d) => d.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(9);
  });
});
