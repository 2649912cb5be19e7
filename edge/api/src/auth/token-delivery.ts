import type { IssuedTokens } from "@hometrip/core";
import * as z from "zod";
import type { TrpcContext } from "../trpc.ts";
import { accessCookie, refreshCookie } from "./cookies.ts";

/** Browsers get httpOnly cookies; other clients ask for the tokens in the body. */
export const zTokenDelivery = z.enum(["cookie", "body"]).default("cookie");
export type TokenDelivery = z.infer<typeof zTokenDelivery>;

export const ZIssuedTokensSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** When the access token expires (ISO 8601). */
  expiresAt: z.iso.datetime(),
});

export function deliverTokens(
  ctx: Pick<TrpcContext, "setCookie" | "services">,
  tokens: IssuedTokens,
  delivery: TokenDelivery,
): z.infer<typeof ZIssuedTokensSchema> | undefined {
  if (delivery === "body") {
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.accessExpiresAt.toISOString(),
    };
  }
  // Tokens were issued moments ago with these lifetimes; the cookies live exactly as long.
  const { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_DAYS } = ctx.services.config;
  ctx.setCookie(accessCookie, tokens.accessToken, { maxAgeSeconds: ACCESS_TOKEN_TTL_SECONDS });
  ctx.setCookie(refreshCookie, tokens.refreshToken, { maxAgeSeconds: REFRESH_TOKEN_TTL_DAYS * 86_400 });
  return undefined;
}

export function clearAuthCookies(ctx: Pick<TrpcContext, "clearCookie">): void {
  ctx.clearCookie(accessCookie);
  ctx.clearCookie(refreshCookie);
}
