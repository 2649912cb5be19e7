import { requestEmailVerification } from "@hometrip/core";
import { passwordResetPerEmail, verificationPerIp, verificationPerUser } from "../../rate-limit/rules.ts";
import { publicProcedure, withRateLimit } from "../../trpc.ts";
import {
  requestEmailVerificationMeta,
  ZRequestEmailVerificationRequestSchema,
  ZRequestEmailVerificationResponseSchema,
} from "./request-email-verification.types.ts";

/**
 * Sends another verification mail. Always answers ok, whether or not the address has an account
 * or is already verified, so it cannot be used to find out who has signed up.
 */
export const requestEmailVerificationProcedure = publicProcedure
  .meta(requestEmailVerificationMeta)
  .use(withRateLimit(verificationPerIp))
  .use(withRateLimit(verificationPerUser))
  .use(withRateLimit({ ...passwordResetPerEmail, name: "verification-email" }))
  .input(ZRequestEmailVerificationRequestSchema)
  .output(ZRequestEmailVerificationResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { actor } = ctx;
    const who =
      actor?.kind === "session"
        ? { userId: actor.userId }
        : input?.email
          ? { email: input.email }
          : undefined;
    if (who) await requestEmailVerification(ctx.services.db, who);
    return { ok: true as const };
  });
