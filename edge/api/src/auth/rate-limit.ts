import { AppError } from "@hometrip/contracts";
import { createRateLimiter } from "@hometrip/kv";
import type { Services } from "../services/index.ts";

type Duration = `${number} ${"ms" | "s" | "m" | "h" | "d"}`;

export type RateLimitRule<TCtx, TInput> = {
  /** Counter namespace, e.g. "login-ip"; rules with one name share counts. */
  name: string;
  limit: number;
  window: Duration;
  /** Whose budget this call spends (an IP, an email, a user id); null skips the limit. */
  key: (ctx: TCtx, input: TInput) => string | null | undefined;
  /** What the 429 says; the default fits login-like guessing. */
  message?: string;
};

type LimitedContext = { services: Services; resHeaders: Headers };

export async function enforceRateLimit<TCtx extends LimitedContext, TInput>(
  ctx: TCtx,
  rule: RateLimitRule<TCtx, TInput>,
  input: TInput,
): Promise<void> {
  const key = rule.key(ctx, input);
  if (!key) return;
  const limiter = createRateLimiter(ctx.services.redis, {
    prefix: `rl:${rule.name}`,
    limit: rule.limit,
    window: rule.window,
    now: () => ctx.services.clock.now().getTime(),
  });
  const result = await limiter.limit(key);
  ctx.services.waitUntil(result.pending);
  if (result.success) return;
  const retryAfter = Math.max(1, Math.ceil((result.reset - ctx.services.clock.now().getTime()) / 1000));
  ctx.resHeaders.set("Retry-After", String(retryAfter));
  throw new AppError("TOO_MANY_REQUESTS", rule.message ?? "Too many attempts; try again later", {
    details: { retryAfter },
  });
}
