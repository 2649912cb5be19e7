import type { SessionConfig } from "@hometrip/core";
import type { Services } from "../services/index.ts";
import { redisRevokedSessions } from "./revoked-sessions.ts";

export function revokedSessionsOf(services: Services) {
  return redisRevokedSessions(services.redis, services.config.ACCESS_TOKEN_TTL_SECONDS);
}

/** Token settings for one request: keys and lifetimes from config, time from the clock. */
export function sessionConfigOf(services: Services): SessionConfig {
  const { config } = services;
  return {
    keys: config.JWT_SIGNING_KEYS,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    now: services.clock.now(),
    revoked: revokedSessionsOf(services),
  };
}
