import type { RevokedSessions } from "@hometrip/core";
import type { Redis } from "@hometrip/kv";

const keyOf = (sessionId: string) => `auth:revoked-session:${sessionId}`;

/**
 * Revoked session ids, kept as long as an access token of theirs could still be valid; after that
 * the token has expired on its own and refresh is refused by the database.
 */
export function redisRevokedSessions(redis: Redis, accessTokenTtlSeconds: number): RevokedSessions {
  return {
    async add(sessionIds) {
      if (sessionIds.length === 0) return;
      const pipeline = redis.pipeline();
      for (const id of sessionIds) pipeline.set(keyOf(id), 1, { ex: accessTokenTtlSeconds });
      await pipeline.exec();
    },
    async has(sessionId) {
      return (await redis.exists(keyOf(sessionId))) > 0;
    },
  };
}
