export { startNeonTunnel } from "./neon-tunnel.ts";
export { resolvePostgres } from "./postgres.ts";
export { startQStashBroker } from "./qstash/index.ts";
export { resolveRedis } from "./redis.ts";
export { startRedisBridge } from "./redis-bridge/index.ts";
