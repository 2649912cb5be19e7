import { zText } from "@hometrip/contracts";
import * as z from "zod";

export const zTotpCode = zText({ max: 64 }).regex(/^\d{6}$/, {
  message: "must be the 6 digits your authenticator app shows",
});
export const zRecoveryCode = zText({ min: 10, max: 32 });

/** Re-authentication for 2FA changes: the password plus exactly one of a code or a recovery code. */
export const ZReauthenticationSchema = z
  .object({
    password: zText({ min: 1, max: 1024, trim: false }),
    code: zTotpCode.optional(),
    recoveryCode: zRecoveryCode.optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.code === undefined) === (value.recoveryCode === undefined)) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "give either a code or a recovery code" });
    }
  });
