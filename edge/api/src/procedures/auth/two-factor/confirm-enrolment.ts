import { confirmTotpEnrolment } from "@hometrip/core";
import { twoFactorKeysOf } from "../../../auth/two-factor-keys.ts";
import { twoFactorEnrolPerUser } from "../../../rate-limit/rules.ts";
import { sessionProcedure, withRateLimit } from "../../../trpc.ts";
import {
  confirmEnrolmentMeta,
  ZConfirmEnrolmentRequestSchema,
  ZRecoveryCodesResponseSchema,
} from "./confirm-enrolment.types.ts";

/** The first valid code turns 2FA on and returns the recovery codes. */
export const confirmEnrolmentProcedure = sessionProcedure
  .meta(confirmEnrolmentMeta)
  .use(withRateLimit(twoFactorEnrolPerUser))
  .input(ZConfirmEnrolmentRequestSchema)
  .output(ZRecoveryCodesResponseSchema)
  .mutation(async ({ ctx, input }) =>
    confirmTotpEnrolment(ctx.services.db, await twoFactorKeysOf(ctx.services), {
      userId: ctx.actor.userId,
      code: input.code,
      now: ctx.services.clock.now(),
    }),
  );
