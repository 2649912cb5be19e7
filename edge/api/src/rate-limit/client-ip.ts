import type { EdgeEnv } from "@hometrip/config";

/**
 * The caller's address for per-IP limits. In production only `cf-connecting-ip` counts: Cloudflare
 * sets it and a client cannot, whereas `x-forwarded-for` is whatever the client sent, so trusting
 * it would hand an attacker a fresh rate-limit bucket per request. Locally there is no Cloudflare
 * edge; the web app's API proxy (apps/web/src/lib/api-proxy.ts) is the connecting client and
 * passes on the `x-forwarded-for` Next sets from the browser's address, so development and test
 * read that first.
 */
export function clientIp(headers: Headers, appEnv: EdgeEnv["APP_ENV"]): string | null {
  if (appEnv === "development" || appEnv === "test") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get("cf-connecting-ip");
}
