import { zText } from "@hometrip/contracts";
import * as z from "zod";
import { ZSignedInSchema } from "../../auth/sign-in.ts";
import { zTokenDelivery } from "../../auth/token-delivery.ts";
import { zRecoveryCode, zTotpCode } from "./two-factor/second-factor.types.ts";

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
