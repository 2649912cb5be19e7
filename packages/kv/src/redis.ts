import { Redis } from "@upstash/redis";

export interface RedisConnection {
  /** UPSTASH_REDIS_REST_URL: Upstash in production, the devstack bridge locally. */
  url: string;
  token: string;
}

/** The Upstash REST client; the same code path talks to Upstash and to the local bridge. */
export function createRedis({ url, token }: RedisConnection): Redis {
  return new Redis({ url, token });
}

export type { Redis };
