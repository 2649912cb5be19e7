import { memberToSignInAfterVerification, verifyEmail } from "@hometrip/core";
import { signIn } from "../../auth/sign-in.ts";
import { resetPasswordPerIp } from "../../rate-limit/rules.ts";
import { publicProcedure, withRateLimit } from "../../trpc.ts";
import {
  verifyEmailMeta,
  ZVerifyEmailRequestSchema,
  ZVerifyEmailResponseSchema,
} from "./verify-email.types.ts";

/**
 * Follows the link from the verification mail; works signed in or out (the token is the proof).
 * A visitor who is signed out is signed in as the member, so a new member goes on from the link
 * without logging in right after signing up.
 */
export const verifyEmailProcedure = publicProcedure
  .meta(verifyEmailMeta)
  .use(withRateLimit({ ...resetPasswordPerIp, name: "verify-email-ip" }))
  .input(ZVerifyEmailRequestSchema)
  .output(ZVerifyEmailResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    const { userId } = await verifyEmail(db, input.token, clock.now());
    const member = ctx.actor ? null : await memberToSignInAfterVerification(db, userId);
    if (!member) return { ok: true as const, signedIn: false };
    const session = await signIn(ctx, member, input.tokenDelivery);
    return { ok: true as const, signedIn: true, ...(session.tokens ? { tokens: session.tokens } : {}) };
  });
