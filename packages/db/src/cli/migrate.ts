import { migrate } from "../migrate.ts";
import { databaseUrlFromEnv, ensureDatabase } from "./database-url.ts";

// `bun run db:migrate`: applies pending migrations to DATABASE_URL (default: local hometrip_dev).
const databaseUrl = databaseUrlFromEnv(process.env);
try {
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl, { log: (line) => console.log(line) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
