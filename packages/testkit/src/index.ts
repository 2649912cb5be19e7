export { futureDays, utcDaysFromToday } from "./dates.ts";
export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export { startTestRedis, type TestRedis } from "./test-redis.ts";
export { createTunnelledDatabase, type TunnelledDatabase } from "./tunnelled-database.ts";
