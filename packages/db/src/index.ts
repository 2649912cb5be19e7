export { type CreateDbOptions, createDb, type Database, type DbOrTx, type Tx } from "./client.ts";
export * from "./schema/index.ts";
