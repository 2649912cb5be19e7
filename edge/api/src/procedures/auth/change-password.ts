import { changePassword } from "@hometrip/core";
import { revokedSessionsOf } from "../../auth/session-config.ts";
import { reauthPerUser } from "../../rate-limit/rules.ts";
import { sessionProcedure, withRateLimit } from "../../trpc.ts";
import {
  changePasswordMeta,
  ZChangePasswordRequestSchema,
  ZChangePasswordResponseSchema,
} from "./change-password.types.ts";

/** Needs the current password; ends the account's other sessions and mails a notice. */
export const changePasswordProcedure = sessionProcedure
  .meta(changePasswordMeta)
  .use(withRateLimit(reauthPerUser))
  .input(ZChangePasswordRequestSchema)
  .output(ZChangePasswordResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { services, actor } = ctx;
    const { revokedSessionIds } = await changePassword(services.db, {
      userId: actor.userId,
      currentSessionId: actor.sessionId,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      now: services.clock.now(),
      revoked: revokedSessionsOf(services),
    });
    return { endedSessions: revokedSessionIds.length };
  });
