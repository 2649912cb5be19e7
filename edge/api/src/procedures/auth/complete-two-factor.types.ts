import { zText } from "@hometrip/contracts";
import * as z from "zod";
import { ZSignedInSchema } from "../../auth/sign-in.ts";
import { zTokenDelivery } from "../../auth/token-delivery.ts";
import type { TrpcMeta } from "../../trpc.ts";
import { zRecoveryCode, zTotpCode } from "./two-factor/shared.types.ts";

export const ZCompleteTwoFactorRequestSchema = z
  .object({
    challengeToken: zText({ min: 1, max: 2048, trim: false }),
    code: zTotpCode.optional(),
    recoveryCode: zRecoveryCode.optional(),
    tokenDelivery: zTokenDelivery,
  })
  .superRefine((value, ctx) => {
    if ((value.code === undefined) === (value.recoveryCode === undefined)) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "give either a code or a recovery code" });
    }
  });

export const ZCompleteTwoFactorResponseSchema = ZSignedInSchema;
export type TCompleteTwoFactorRequest = z.input<typeof ZCompleteTwoFactorRequestSchema>;
export type TCompleteTwoFactorResponse = z.output<typeof ZCompleteTwoFactorResponseSchema>;

export const completeTwoFactorMeta = {
  summary: "Finish a sign-in with a TOTP or recovery code",
} satisfies TrpcMeta;
