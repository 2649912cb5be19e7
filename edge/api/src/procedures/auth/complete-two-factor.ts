import { AppError } from "@hometrip/contracts";
import { loadSignedInUser, verifySecondFactor, verifyTwoFactorChallenge } from "@hometrip/core";
import { enforceRateLimit } from "../../auth/rate-limit.ts";
import { secondFactorOf } from "../../auth/second-factor.ts";
import { signIn } from "../../auth/sign-in.ts";
import { twoFactorKeysOf } from "../../auth/two-factor-keys.ts";
import { twoFactorAttemptLimits } from "../../rate-limit/rules.ts";
import { publicProcedure } from "../../trpc.ts";
import {
  completeTwoFactorMeta,
  ZCompleteTwoFactorRequestSchema,
  ZCompleteTwoFactorResponseSchema,
} from "./complete-two-factor.types.ts";

const expired = () => new AppError("UNAUTHORIZED", "This sign-in has expired; please sign in again");

/**
 * Second step of logging in for accounts with 2FA: the challenge from logIn plus a TOTP or recovery
 * code. Guesses are limited per challenge and per user; a challenge signs in once at most.
 */
export const completeTwoFactorProcedure = publicProcedure
  .meta(completeTwoFactorMeta)
  .input(ZCompleteTwoFactorRequestSchema)
  .output(ZCompleteTwoFactorResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { services } = ctx;
    const now = services.clock.now();
    const challenge = await verifyTwoFactorChallenge(
      services.config.JWT_SIGNING_KEYS,
      input.challengeToken,
      now,
    );
    if (!challenge) throw expired();
    const { perChallenge, perUser } = twoFactorAttemptLimits;
    await enforceRateLimit(ctx, { ...perChallenge, key: () => challenge.challengeId }, input);
    await enforceRateLimit(ctx, { ...perUser, key: () => challenge.userId }, input);

    const usedKey = `auth:2fa-challenge-used:${challenge.challengeId}`;
    if (await services.redis.exists(usedKey)) throw expired();
    const factor = secondFactorOf(input);
    const verified = await verifySecondFactor(
      services.db,
      await twoFactorKeysOf(services),
      challenge.userId,
      factor,
      now,
    );
    if (!verified) {
      throw new AppError(
        "UNAUTHORIZED",
        "recoveryCode" in factor ? "That recovery code is not valid" : "That code is not valid",
      );
    }
    const ttl = Math.max(1, Math.ceil((challenge.expiresAt.getTime() - now.getTime()) / 1000));
    // Two requests racing with two valid codes: only the first to mark the challenge signs in.
    if ((await services.redis.set(usedKey, 1, { nx: true, ex: ttl })) === null) throw expired();

    const user = await loadSignedInUser(services.db, challenge.userId);
    if (!user) throw expired();
    return signIn(ctx, user, input.tokenDelivery);
  });
