import { disableTwoFactor } from "@hometrip/core";
import { secondFactorOf } from "../../../auth/second-factor.ts";
import { twoFactorKeysOf } from "../../../auth/two-factor-keys.ts";
import { reauthPerUser } from "../../../rate-limit/rules.ts";
import { sessionProcedure, withRateLimit } from "../../../trpc.ts";
import {
  disableTwoFactorMeta,
  ZDisableTwoFactorRequestSchema,
  ZDisableTwoFactorResponseSchema,
} from "./disable.types.ts";

/** Turning 2FA off needs the password and a current code (or a recovery code): a stolen session is not enough. */
export const disableProcedure = sessionProcedure
  .meta(disableTwoFactorMeta)
  .use(withRateLimit(reauthPerUser))
  .input(ZDisableTwoFactorRequestSchema)
  .output(ZDisableTwoFactorResponseSchema)
  .mutation(async ({ ctx, input }) => {
    await disableTwoFactor(ctx.services.db, await twoFactorKeysOf(ctx.services), {
      userId: ctx.actor.userId,
      password: input.password,
      factor: secondFactorOf(input),
      now: ctx.services.clock.now(),
    });
    return { enabled: false as const };
  });
