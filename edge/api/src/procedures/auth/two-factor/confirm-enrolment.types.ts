import * as z from "zod";
import { zTotpCode } from "./shared.types.ts";

export const ZConfirmEnrolmentRequestSchema = z.object({ code: zTotpCode });

export const ZRecoveryCodesResponseSchema = z.object({
  /** Shown once: only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});
