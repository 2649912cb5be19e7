import type { Redis } from "@upstash/redis";

/**
 * Values are wrapped as `{ v }` so every type survives: @upstash/redis would otherwise turn the string
 * "123" into the number 123 on the way back, and a cached `null` would look like a miss.
 */
interface Envelope<T> {
  v: T;
}

/** Read-through cache: returns the cached value, or loads, stores for `ttlSeconds` and returns it. */
export async function cached<T>(
  redis: Redis,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
): Promise<T> {
  const envelope = unwrap<T>(await redis.get<unknown>(key));
  if (envelope) return envelope.v;
  const value = await load();
  await redis.set(key, JSON.stringify({ v: value ?? null }), { ex: ttlSeconds });
  return value;
}

/** A client made with `automaticDeserialization: false` hands back the raw JSON text. */
function unwrap<T>(raw: unknown): Envelope<T> | undefined {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === "object" && "v" in value ? (value as Envelope<T>) : undefined;
}
