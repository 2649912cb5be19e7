import { Redis } from "@upstash/redis";

export interface RedisConnection {
  /** UPSTASH_REDIS_REST_URL: Upstash in production, the devstack bridge locally. */
  url: string;
  token: string;
  /**
   * Retries of a failed call (the client's default is 5, about 4 s of backoff). Best-effort writes
   * such as metrics pass 0: a Redis outage must not keep every request's background work busy.
   */
  retries?: number;
}

/** The Upstash REST client; the same code path talks to Upstash and to the local bridge. */
export function createRedis({ url, token, retries }: RedisConnection): Redis {
  return new Redis({ url, token, ...(retries === undefined ? {} : { retry: { retries } }) });
}

export type { Redis };
