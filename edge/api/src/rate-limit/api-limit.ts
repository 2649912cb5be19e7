import { hashToken, verifyAccessToken } from "@hometrip/core";
import { createLeasedRateLimiter } from "@hometrip/kv";
import { createMiddleware } from "hono/factory";
import { presentedCredential } from "../auth/actor.ts";
import type { HonoEnv } from "../context.ts";
import type { Services } from "../services/index.ts";
import { errorFields } from "../services/logger.ts";
import { maxBatchCalls, trpcCallPaths, trpcErrorBody } from "../trpc-wire.ts";
import { clientIp } from "./client-ip.ts";
import { apiLimits } from "./rules.ts";

/**
 * The general ceiling on /trpc and the upload routes, before any handler runs: one budget per client IP and one per
 * credential. A credential's budget is only keyed by something the caller proved (a verified access
 * token's user, or the hash of the presented API key), so nobody can drain another user's budget
 * by sending their id. Auth procedures carry their own, much tighter limits on top. The isolate
 * leases budget from Redis (`lease` units per round trip, see createLeasedRateLimiter), so a busy
 * client costs a round trip per lease rather than per call.
 */
export const apiRateLimit = createMiddleware<HonoEnv>(async (c, next) => {
  const services = c.get("services");
  const checks: { rule: (typeof apiLimits)[keyof typeof apiLimits]; key: string }[] = [];
  const ip = clientIp(c.req.raw.headers, services.config.APP_ENV);
  if (ip) checks.push({ rule: apiLimits.perIp, key: ip });
  const presented = presentedCredential(c.req.raw.headers);
  const credential = presented ? await credentialKey(services, presented) : null;
  if (credential) checks.push({ rule: apiLimits.perCredential, key: credential });

  // Each call of a tRPC batch spends budget; a batch over the size limit is refused after this.
  const rate = c.req.path.startsWith("/trpc/") ? Math.min(trpcCallPaths(c.req.url).length, maxBatchCalls) : 1;
  const now = services.clock.now().getTime();
  let results: Awaited<ReturnType<ReturnType<typeof createLeasedRateLimiter>["limit"]>>[];
  try {
    results = await Promise.all(
      checks.map(({ rule, key }) =>
        createLeasedRateLimiter(() => services.redis, {
          prefix: `rl:${rule.name}`,
          limit: rule.limit,
          window: rule.window,
          lease: rule.lease,
          book: services.isolate.rateLeases,
          now: () => now,
        }).limit(key, { rate }),
      ),
    );
  } catch (error) {
    // This ceiling is about load, not security: with Redis down the API stays up (health reports
    // it), while the auth limits inside procedures fail closed.
    services.logger.warn("general rate limit unavailable", errorFields(error));
    return next();
  }
  // No `pending` to hand to waitUntil: a leased limiter's work is done when `limit` returns.
  const refused = results.filter((result) => !result.success);
  if (refused.length === 0) return next();

  const retryAfter = Math.max(1, ...refused.map((result) => Math.ceil((result.reset - now) / 1000)));
  c.header("Retry-After", String(retryAfter));
  if (!c.req.path.startsWith("/trpc")) {
    return c.json(
      {
        code: "TOO_MANY_REQUESTS",
        message: "Too many requests; try again later",
        requestId: c.var.requestId,
        traceId: c.var.trace.traceId,
      },
      429,
    );
  }
  const message = "Too many requests; try again later";
  const body = trpcErrorBody(c.req.url, {
    code: "TOO_MANY_REQUESTS",
    message,
    requestId: c.var.requestId,
    extra: { retryAfter, traceId: c.var.trace.traceId },
  });
  return c.json(body, 429);
});

async function credentialKey(
  services: Services,
  presented: NonNullable<ReturnType<typeof presentedCredential>>,
): Promise<string | null> {
  if (presented.kind === "apiKey") return `key:${await hashToken(presented.value)}`;
  const claims = await verifyAccessToken(
    services.config.JWT_SIGNING_KEYS,
    presented.value,
    services.clock.now(),
  );
  return claims ? `user:${claims.sub}` : null;
}
