import { fileURLToPath } from "node:url";

/** The repository's `drizzle/` folder, where drizzle-kit writes migrations. */
export const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));
