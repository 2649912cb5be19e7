import { verifyPhoneCode } from "@hometrip/core";
import { phoneCodeCheckPerUser } from "../../rate-limit/rules.ts";
import { sessionProcedure, withRateLimit } from "../../trpc.ts";
import {
  verifyPhoneMeta,
  ZVerifyPhoneRequestSchema,
  ZVerifyPhoneResponseSchema,
} from "./verify-phone.types.ts";

/** Checks the code against the caller's own waiting code only: a code texted to another member is no use. */
export const verifyPhoneProcedure = sessionProcedure
  .meta(verifyPhoneMeta)
  .use(withRateLimit(phoneCodeCheckPerUser))
  .input(ZVerifyPhoneRequestSchema)
  .output(ZVerifyPhoneResponseSchema)
  .mutation(async ({ ctx, input }) => {
    await verifyPhoneCode(ctx.services.db, ctx.actor.userId, input.code, ctx.services.clock.now());
    return { ok: true as const, phoneVerified: true as const };
  });
