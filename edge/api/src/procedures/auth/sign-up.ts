import { signUp } from "@hometrip/core";
import { signUpPerIp } from "../../rate-limit/rules.ts";
import { publicProcedure, withRateLimit } from "../../trpc.ts";
import { signUpMeta, ZSignUpRequestSchema, ZSignUpResponseSchema } from "./sign-up.types.ts";

/** Creates an account; the verification mail goes out from workers/ via the outbox. */
export const signUpProcedure = publicProcedure
  .meta(signUpMeta)
  .use(withRateLimit(signUpPerIp))
  .input(ZSignUpRequestSchema)
  .output(ZSignUpResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { userId } = await signUp(ctx.services.db, input);
    return { userId };
  });
