export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export { createTunnelledDatabase, type TunnelledDatabase } from "./tunnelled-database.ts";
