import { resetPassword } from "@hometrip/core";
import { revokedSessionsOf } from "../../auth/session-config.ts";
import { resetPasswordPerIp } from "../../rate-limit/rules.ts";
import { publicProcedure, withRateLimit } from "../../trpc.ts";
import {
  resetPasswordMeta,
  ZResetPasswordRequestSchema,
  ZResetPasswordResponseSchema,
} from "./reset-password.types.ts";

/** Sets a new password from a reset link; every session of the account ends. */
export const resetPasswordProcedure = publicProcedure
  .meta(resetPasswordMeta)
  .use(withRateLimit(resetPasswordPerIp))
  .input(ZResetPasswordRequestSchema)
  .output(ZResetPasswordResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { services } = ctx;
    await resetPassword(services.db, {
      token: input.token,
      newPassword: input.newPassword,
      now: services.clock.now(),
      revoked: revokedSessionsOf(services),
    });
    return { ok: true as const };
  });
