export { type CreateDbOptions, createDb, type Database, type DbOrTx, type Tx } from "./client.ts";
export { type CreateHttpSqlOptions, createHttpSql, type HttpSql } from "./http-sql.ts";
export * from "./schema/index.ts";
export { NeonRoundTripSession, transactionOpenedWith } from "./transactions.ts";
