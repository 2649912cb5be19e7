import * as z from "zod";

export const ZTwoFactorStatusResponseSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.iso.datetime().nullable(),
  recoveryCodesRemaining: z.number().int().min(0),
});
