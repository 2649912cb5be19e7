import { revokeSession, revokeSessionByRefreshToken } from "@hometrip/core";
import { readCookie, refreshCookie } from "../../auth/cookies.ts";
import { revokedSessionsOf } from "../../auth/session-config.ts";
import { clearAuthCookies } from "../../auth/token-delivery.ts";
import { publicProcedure } from "../../trpc.ts";
import { logOutMeta, ZLogOutRequestSchema, ZLogOutResponseSchema } from "./log-out.types.ts";

/**
 * Ends the current session: its refresh token stops working and its access token is refused from
 * now on (revoked-session list), not just when it expires. Always ok, and always clears the cookies.
 */
export const logOutProcedure = publicProcedure
  .meta(logOutMeta)
  .input(ZLogOutRequestSchema)
  .output(ZLogOutResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { services, actor } = ctx;
    const opts = { now: services.clock.now(), revoked: revokedSessionsOf(services) };
    if (actor?.kind === "session") {
      await revokeSession(services.db, actor.userId, actor.sessionId, opts);
    } else {
      const refreshToken = input?.refreshToken ?? readCookie(ctx.headers, refreshCookie);
      if (refreshToken) await revokeSessionByRefreshToken(services.db, refreshToken, opts);
    }
    clearAuthCookies(ctx);
    return { ok: true as const };
  });
