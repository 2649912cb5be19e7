import { verifyEmail } from "@hometrip/core";
import { resetPasswordPerIp } from "../../rate-limit/rules.ts";
import { publicProcedure, withRateLimit } from "../../trpc.ts";
import {
  verifyEmailMeta,
  ZVerifyEmailRequestSchema,
  ZVerifyEmailResponseSchema,
} from "./verify-email.types.ts";

/** Follows the link from the verification mail; works signed in or out (the token is the proof). */
export const verifyEmailProcedure = publicProcedure
  .meta(verifyEmailMeta)
  .use(withRateLimit({ ...resetPasswordPerIp, name: "verify-email-ip" }))
  .input(ZVerifyEmailRequestSchema)
  .output(ZVerifyEmailResponseSchema)
  .mutation(async ({ ctx, input }) => {
    await verifyEmail(ctx.services.db, input.token, ctx.services.clock.now());
    return { ok: true as const };
  });
