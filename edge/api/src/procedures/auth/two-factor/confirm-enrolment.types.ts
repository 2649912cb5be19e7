import * as z from "zod";
import type { TrpcMeta } from "../../../trpc.ts";
import { zTotpCode } from "./shared.types.ts";

export const ZConfirmEnrolmentRequestSchema = z.object({ code: zTotpCode });

export const ZRecoveryCodesResponseSchema = z.object({
  /** Shown once: only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});
export type TConfirmEnrolmentRequest = z.input<typeof ZConfirmEnrolmentRequestSchema>;
export type TConfirmEnrolmentResponse = z.output<typeof ZRecoveryCodesResponseSchema>;

export const confirmEnrolmentMeta = {
  summary: "Switch TOTP on with a first code; recovery codes once",
} satisfies TrpcMeta;
