import { AppError } from "@hometrip/contracts";
import { revokeSession } from "@hometrip/core";
import { revokedSessionsOf } from "../../auth/session-config.ts";
import { clearAuthCookies } from "../../auth/token-delivery.ts";
import { sessionOwnerProcedure } from "../../procedure-bases.ts";
import {
  revokeSessionMeta,
  ZRevokeSessionRequestSchema,
  ZRevokeSessionResponseSchema,
} from "./revoke-session.types.ts";

/** Ends one of the caller's sessions. Someone else's session id is "not found", never revoked. */
export const revokeSessionProcedure = sessionOwnerProcedure
  .meta(revokeSessionMeta)
  .input(ZRevokeSessionRequestSchema)
  .output(ZRevokeSessionResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { services, actor } = ctx;
    const revoked = await revokeSession(services.db, actor.userId, input.sessionId, {
      now: services.clock.now(),
      reason: "revoked_by_user",
      revoked: revokedSessionsOf(services),
    });
    if (!revoked) throw new AppError("NOT_FOUND", "No such session");
    const current = input.sessionId === actor.sessionId;
    if (current) clearAuthCookies(ctx);
    return { ok: true as const, current };
  });
