import { AppError } from "@hometrip/contracts";
import {
  beginOAuthSignIn,
  completeOAuthSignIn,
  findOAuthProvider,
  issueTwoFactorChallenge,
  linkOrCreateOAuthUser,
  OAUTH_STATE_TTL_SECONDS,
  type OAuthErrorCode,
  OAuthSignInError,
  safeRedirectPath,
  savePendingOAuth,
  startSession,
  takePendingOAuth,
  twoFactorRequired,
} from "@hometrip/core";
import { createRateLimiter } from "@hometrip/kv";
import { type Context, Hono } from "hono";
import { accessCookie, readCookie, refreshCookie, serializeCookie } from "../auth/cookies.ts";
import { sessionConfigOf } from "../auth/session-config.ts";
import type { HonoEnv } from "../context.ts";
import { errorBody } from "../errors.ts";
import { clientIp } from "../rate-limit/client-ip.ts";
import { errorFields } from "../services/logger.ts";

/**
 * Binds a sign-in to the browser that started it. Without it, an attacker could start a sign-in
 * with their own provider account and get a victim's browser to open the callback (login CSRF),
 * leaving the victim signed in as the attacker. Lax: the provider's redirect back is a top-level GET.
 */
const bindingCookie = "ht_oauth_state";
const bindingPath = "/auth/oauth";

/** Each start parks 10 minutes of state in Redis; a person retrying a sign-in never needs more. */
const startsPerIp = { name: "oauth-start-ip", limit: 30, window: "15 m" } as const;

/**
 * Social sign-in over plain HTTP redirects (tRPC cannot answer with a 302). The browser reaches
 * these through the web app's origin (its /auth/oauth/* route handler forwards them with
 * apps/web/src/lib/api-proxy.ts), so the provider's redirect URI and the session cookies both
 * belong to APP_URL.
 *
 *   GET /auth/oauth/:provider/start?redirectTo=/path  -> 302 to the provider
 *   GET /auth/oauth/:provider/callback?code&state     -> cookies + 302 to APP_URL/path,
 *       or APP_URL/login/two-factor?challenge=... when the account has 2FA,
 *       or APP_URL/login?error=<OAuthErrorCode>
 */
export const oauthRoutes = new Hono<HonoEnv>()
  .get("/auth/oauth/:provider/start", async (c) => {
    const { config, redis } = c.var.services;
    const provider = findOAuthProvider(config, c.req.param("provider"));
    if (!provider)
      return failed(c, new OAuthSignInError("oauth_provider_unknown", "provider not configured"));
    try {
      const limited = await startLimit(c);
      if (limited) return limited;
      const start = await beginOAuthSignIn(provider, callbackUrl(c, provider.id));
      await savePendingOAuth(redis, start.state, {
        provider: provider.id,
        codeVerifier: start.codeVerifier,
        nonce: start.nonce,
        redirectTo: safeRedirectPath(c.req.query("redirectTo")),
      });
      c.header("Set-Cookie", binding(start.state, OAUTH_STATE_TTL_SECONDS));
      return redirect(c, start.authorizationUrl.href);
    } catch (error) {
      return failed(c, error);
    }
  })
  .get("/auth/oauth/:provider/callback", async (c) => {
    const { config, redis, db, clock } = c.var.services;
    c.header("Set-Cookie", binding("", 0));
    const provider = findOAuthProvider(config, c.req.param("provider"));
    if (!provider)
      return failed(c, new OAuthSignInError("oauth_provider_unknown", "provider not configured"));
    try {
      const callbackParams = new URL(c.req.url).searchParams;
      const state = callbackParams.get("state") ?? "";
      // Taken (and so spent) before any other check: a state never works twice.
      const pending = await takePendingOAuth(redis, state);
      if (
        !pending ||
        pending.provider !== provider.id ||
        readCookie(c.req.raw.headers, bindingCookie) !== state
      ) {
        throw new OAuthSignInError(
          "oauth_state_invalid",
          "callback state unknown, spent, foreign or unbound",
        );
      }
      const identity = await completeOAuthSignIn(provider, {
        callbackParams,
        redirectUri: callbackUrl(c, provider.id),
        state,
        codeVerifier: pending.codeVerifier,
        nonce: pending.nonce,
      });
      const now = clock.now();
      const account = await linkOrCreateOAuthUser(db, identity, now);
      c.var.logger.info("oauth sign-in", {
        provider: provider.id,
        outcome: account.outcome,
        userId: account.userId,
      });

      if (await twoFactorRequired(db, account.userId)) {
        const challenge = await issueTwoFactorChallenge(config.JWT_SIGNING_KEYS, account.userId, now);
        const next = appUrl(c, "/login/two-factor");
        next.searchParams.set("challenge", challenge);
        next.searchParams.set("redirectTo", pending.redirectTo);
        return redirect(c, next.href);
      }
      const tokens = await startSession(
        db,
        {
          userId: account.userId,
          userAgent: c.req.header("user-agent") ?? null,
          ip: c.req.header("cf-connecting-ip") ?? null,
        },
        sessionConfigOf(c.var.services),
      );
      const nowMs = now.getTime();
      c.header(
        "Set-Cookie",
        serializeCookie(accessCookie, tokens.accessToken, {
          maxAgeSeconds: (tokens.accessExpiresAt.getTime() - nowMs) / 1000,
        }),
        { append: true },
      );
      c.header(
        "Set-Cookie",
        serializeCookie(refreshCookie, tokens.refreshToken, {
          maxAgeSeconds: (tokens.refreshExpiresAt.getTime() - nowMs) / 1000,
        }),
        { append: true },
      );
      return redirect(c, appUrl(c, pending.redirectTo).href);
    } catch (error) {
      return failed(c, error);
    }
  });

async function startLimit(c: Context<HonoEnv>): Promise<Response | null> {
  const { services } = c.var;
  const ip = clientIp(c.req.raw.headers, services.config.APP_ENV);
  if (!ip) return null;
  const { prefix, ...rule } = {
    prefix: `rl:${startsPerIp.name}`,
    limit: startsPerIp.limit,
    window: startsPerIp.window,
  };
  const now = () => services.clock.now().getTime();
  const result = await createRateLimiter(services.redis, { prefix, ...rule, now }).limit(ip);
  services.waitUntil(result.pending);
  if (result.success) return null;
  const retryAfter = Math.max(1, Math.ceil((result.reset - services.clock.now().getTime()) / 1000));
  c.header("Retry-After", String(retryAfter));
  const error = new AppError("TOO_MANY_REQUESTS", "Too many sign-in attempts; try again later");
  return c.json(errorBody(error, c.var.requestId, c.var.trace.traceId), 429);
}

/** Where the provider sends the browser back: on the web origin, which proxies it to us. */
function callbackUrl(c: Context<HonoEnv>, provider: string): string {
  return appUrl(c, `/auth/oauth/${provider}/callback`).href;
}

/** `path` is always a checked same-origin path here, so the result stays on APP_URL. */
function appUrl(c: Context<HonoEnv>, path: string): URL {
  return new URL(path, c.var.config.APP_URL);
}

function binding(state: string, maxAgeSeconds: number): string {
  return serializeCookie(bindingCookie, state, { maxAgeSeconds }).replace("Path=/;", `Path=${bindingPath};`);
}

function redirect(c: Context<HonoEnv>, location: string): Response {
  c.header("Cache-Control", "no-store");
  return c.redirect(location, 302);
}

/** Failures land on the login page with a code it can explain; details stay in the logs. */
function failed(c: Context<HonoEnv>, error: unknown): Response {
  let code: OAuthErrorCode = "oauth_failed";
  if (error instanceof OAuthSignInError) {
    code = error.code;
    c.var.logger.warn("oauth sign-in refused", { code, reason: error.message });
  } else {
    c.var.logger.error("oauth sign-in failed", errorFields(error));
  }
  const target = appUrl(c, "/login");
  target.searchParams.set("error", code);
  return redirect(c, target.href);
}
