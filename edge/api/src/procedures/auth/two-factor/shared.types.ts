import * as z from "zod";

export const zTotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: "must be the 6 digits your authenticator app shows" });
export const zRecoveryCode = z.string().trim().min(10).max(32);

/** Re-authentication for 2FA changes: the password plus exactly one of a code or a recovery code. */
export const ZReauthenticationSchema = z
  .object({
    password: z.string().min(1, { message: "is required" }).max(1024),
    code: zTotpCode.optional(),
    recoveryCode: zRecoveryCode.optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.code === undefined) === (value.recoveryCode === undefined)) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "give either a code or a recovery code" });
    }
  });
