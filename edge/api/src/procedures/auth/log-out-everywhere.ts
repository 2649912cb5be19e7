import { revokeAllSessions } from "@hometrip/core";
import { revokedSessionsOf } from "../../auth/session-config.ts";
import { clearAuthCookies } from "../../auth/token-delivery.ts";
import { sessionProcedure } from "../../trpc.ts";
import {
  logOutEverywhereMeta,
  ZLogOutEverywhereRequestSchema,
  ZLogOutEverywhereResponseSchema,
} from "./log-out-everywhere.types.ts";

/** Ends every session of the account, this one included (a lost phone, a shared computer). */
export const logOutEverywhereProcedure = sessionProcedure
  .meta(logOutEverywhereMeta)
  .input(ZLogOutEverywhereRequestSchema)
  .output(ZLogOutEverywhereResponseSchema)
  .mutation(async ({ ctx }) => {
    const { services, actor } = ctx;
    const ended = await revokeAllSessions(services.db, actor.userId, undefined, {
      now: services.clock.now(),
      reason: "logout_everywhere",
      revoked: revokedSessionsOf(services),
    });
    clearAuthCookies(ctx);
    return { endedSessions: ended.length };
  });
