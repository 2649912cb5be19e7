import { AppError } from "@hometrip/contracts";
import { rotateRefreshToken } from "@hometrip/core";
import { readCookie, refreshCookie } from "../../auth/cookies.ts";
import { sessionConfigOf } from "../../auth/session-config.ts";
import { clearAuthCookies, deliverTokens } from "../../auth/token-delivery.ts";
import { publicProcedure } from "../../trpc.ts";
import { refreshMeta, ZRefreshRequestSchema, ZRefreshResponseSchema } from "./refresh.types.ts";

/**
 * Trades the refresh token for a new access and refresh token. A token works once; presenting it
 * again ends the whole session (see rotateRefreshToken), and the stale cookies are cleared.
 */
export const refreshProcedure = publicProcedure
  .meta(refreshMeta)
  .input(ZRefreshRequestSchema)
  .output(ZRefreshResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const delivery = input?.tokenDelivery ?? "cookie";
    const presented = input?.refreshToken ?? readCookie(ctx.headers, refreshCookie);
    if (!presented) throw new AppError("UNAUTHORIZED", "Sign in to continue");
    try {
      const tokens = await rotateRefreshToken(ctx.services.db, presented, sessionConfigOf(ctx.services));
      const delivered = deliverTokens(ctx, tokens, delivery);
      return {
        status: "refreshed" as const,
        expiresAt: tokens.accessExpiresAt.toISOString(),
        ...(delivered ? { tokens: delivered } : {}),
      };
    } catch (error) {
      if (error instanceof AppError && error.code === "UNAUTHORIZED" && delivery === "cookie")
        clearAuthCookies(ctx);
      throw error;
    }
  });
