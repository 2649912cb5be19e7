import pg from "pg";
import {
  createTypesenseClient,
  createTypesenseSearchIndex,
  dropCollection,
  ensureCollection,
} from "../src/typesense/index.ts";
import { searchContract } from "./contract.ts";

// Test entry point: reads its settings from the environment. No server here means every
// contract test is reported as skipped, with the reason in the suite name.
const url = process.env.TYPESENSE_URL;
const apiKey = process.env.TYPESENSE_API_KEY ?? "xyz";

searchContract(
  "typesense",
  {
    async create(databaseUrl) {
      const client = createTypesenseClient({ url: url ?? "", apiKey });
      const alias = `listings_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      await ensureCollection(client, alias);
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      return {
        index: createTypesenseSearchIndex({ client, collection: alias, sql: pool }),
        async close() {
          await dropCollection(client, alias);
          await pool.end();
        },
      };
    },
  },
  url ? undefined : "TYPESENSE_URL is not set",
);
