import pg from "pg";
import { createPostgresSearchIndex } from "../src/index.ts";
import { searchContract } from "./contract.ts";

searchContract("postgres", {
  async create(databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    return { index: createPostgresSearchIndex(pool), close: () => pool.end() };
  },
});
