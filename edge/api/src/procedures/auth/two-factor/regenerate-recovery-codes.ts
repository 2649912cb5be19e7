import { regenerateRecoveryCodes } from "@hometrip/core";
import { secondFactorOf } from "../../../auth/second-factor.ts";
import { twoFactorKeysOf } from "../../../auth/two-factor-keys.ts";
import { reauthPerUser } from "../../../rate-limit/rules.ts";
import { sessionProcedure, withRateLimit } from "../../../trpc.ts";
import {
  regenerateRecoveryCodesMeta,
  ZRegenerateRecoveryCodesRequestSchema,
  ZRegenerateRecoveryCodesResponseSchema,
} from "./regenerate-recovery-codes.types.ts";

/** A fresh set of recovery codes; all earlier ones stop working. */
export const regenerateRecoveryCodesProcedure = sessionProcedure
  .meta(regenerateRecoveryCodesMeta)
  .use(withRateLimit(reauthPerUser))
  .input(ZRegenerateRecoveryCodesRequestSchema)
  .output(ZRegenerateRecoveryCodesResponseSchema)
  .mutation(async ({ ctx, input }) =>
    regenerateRecoveryCodes(ctx.services.db, await twoFactorKeysOf(ctx.services), {
      userId: ctx.actor.userId,
      password: input.password,
      factor: secondFactorOf(input),
      now: ctx.services.clock.now(),
    }),
  );
