import { checkPassword, issueTwoFactorChallenge, twoFactorRequired } from "@hometrip/core";
import { signIn } from "../../auth/sign-in.ts";
import { loginPerAccount, loginPerIp } from "../../rate-limit/rules.ts";
import { publicProcedure, withRateLimit } from "../../trpc.ts";
import { logInMeta, ZLogInRequestSchema, ZLogInResponseSchema } from "./log-in.types.ts";

/**
 * Email and password. Accounts with 2FA get a short-lived challenge instead of a session, to be
 * completed with auth.completeTwoFactor.
 */
export const logInProcedure = publicProcedure
  .meta(logInMeta)
  .use(withRateLimit(loginPerIp))
  .use(withRateLimit(loginPerAccount))
  .input(ZLogInRequestSchema)
  .output(ZLogInResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, config, clock } = ctx.services;
    const user = await checkPassword(db, input.email, input.password);
    if (await twoFactorRequired(db, user.id)) {
      const challengeToken = await issueTwoFactorChallenge(config.JWT_SIGNING_KEYS, user.id, clock.now());
      return { status: "two_factor_required" as const, challengeToken };
    }
    return signIn(ctx, user, input.tokenDelivery);
  });
