import { requestPasswordReset } from "@hometrip/core";
import { passwordResetPerEmail, passwordResetPerIp } from "../../rate-limit/rules.ts";
import { publicProcedure, withRateLimit } from "../../trpc.ts";
import {
  requestPasswordResetMeta,
  ZRequestPasswordResetRequestSchema,
  ZRequestPasswordResetResponseSchema,
} from "./request-password-reset.types.ts";

/** "Forgot password": mails a reset link if the account exists. The answer is ok either way. */
export const requestPasswordResetProcedure = publicProcedure
  .meta(requestPasswordResetMeta)
  .use(withRateLimit(passwordResetPerIp))
  .use(withRateLimit(passwordResetPerEmail))
  .input(ZRequestPasswordResetRequestSchema)
  .output(ZRequestPasswordResetResponseSchema)
  .mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.services.db, input.email);
    return { ok: true as const };
  });
