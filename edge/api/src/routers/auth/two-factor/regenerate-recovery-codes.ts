import { regenerateRecoveryCodes } from "@hometrip/core";
import { reauthPerUser } from "../../../rate-limit/rules.ts";
import { sessionProcedure, withRateLimit } from "../../../trpc.ts";
import { twoFactorKeysOf } from "./keys.ts";
import {
  ZRegenerateRecoveryCodesRequestSchema,
  ZRegenerateRecoveryCodesResponseSchema,
} from "./regenerate-recovery-codes.types.ts";
import { secondFactorOf } from "./second-factor.types.ts";

/** A fresh set of recovery codes; all earlier ones stop working. */
export const regenerateRecoveryCodesProcedure = sessionProcedure
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
