import type { EdgeEnv } from "@hometrip/config";

/**
 * Where one-shot statements (guest search) go over HTTP, or null when they use the per-request
 * Pool. NEON_HTTP_ENDPOINT wins when set (the local stand-in, or an explicit endpoint). Without
 * it, a database on Neon (`ep-….<region>.aws.neon.tech`) still gets Neon's own endpoint, which the
 * driver derives from the host (`https://api.<region>.aws.neon.tech/sql`), so production needs no
 * extra setting. Any other host has no such endpoint.
 */
export function sqlOverHttpRoute(
  config: Pick<EdgeEnv, "DATABASE_URL" | "NEON_HTTP_ENDPOINT">,
): { fetchEndpoint?: string } | null {
  if (config.NEON_HTTP_ENDPOINT) return { fetchEndpoint: config.NEON_HTTP_ENDPOINT };
  let host: string;
  try {
    host = new URL(config.DATABASE_URL).hostname.toLowerCase();
  } catch {
    return null;
  }
  return host.endsWith(".neon.tech") ? {} : null;
}
