import { phoneAwaitingVerification, phoneCodeTtlMs, requestPhoneVerification } from "@hometrip/core";
import { enforceRateLimit } from "../../auth/rate-limit.ts";
import { phoneCodeSendLimits } from "../../rate-limit/rules.ts";
import { sessionProcedure } from "../../trpc.ts";
import { sendPhoneCodeMeta, ZSendPhoneCodeResponseSchema } from "./send-phone-code.types.ts";

/**
 * Asks the workers to text a code to the member's own saved number (never one named in the call).
 * Refusals that text nothing (no number, already verified) come first and spend no budget; then
 * the member's and the number's send budgets, then the outbox event.
 */
export const sendPhoneCodeProcedure = sessionProcedure
  .meta(sendPhoneCodeMeta)
  .output(ZSendPhoneCodeResponseSchema)
  .mutation(async ({ ctx }) => {
    const { db } = ctx.services;
    const userId = ctx.actor.userId;
    const phone = await phoneAwaitingVerification(db, userId);
    const { perUserMinute, perUserHour, perPhoneMinute, perPhoneHour } = phoneCodeSendLimits;
    await enforceRateLimit(ctx, perUserMinute, undefined);
    await enforceRateLimit(ctx, perUserHour, undefined);
    await enforceRateLimit(ctx, { ...perPhoneMinute, key: () => phone }, undefined);
    await enforceRateLimit(ctx, { ...perPhoneHour, key: () => phone }, undefined);
    await requestPhoneVerification(db, userId, phone);
    return { ok: true as const, phone, expiresInMinutes: Math.round(phoneCodeTtlMs / 60_000) };
  });
