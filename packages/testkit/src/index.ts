export { futureDays, utcDaysFromToday } from "./dates.ts";
export { airbnbFeed, bookingComFeed, googleCalendarFeed, vrboFeed } from "./ical-feeds.ts";
export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export { startTestRedis, type TestRedis } from "./test-redis.ts";
export { createTunnelledDatabase, type TunnelledDatabase } from "./tunnelled-database.ts";
