import * as z from "zod";
import type { TrpcMeta } from "../../../trpc.ts";

export const ZTwoFactorStatusResponseSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.iso.datetime().nullable(),
  recoveryCodesRemaining: z.number().int().min(0),
});
export type TTwoFactorStatusResponse = z.output<typeof ZTwoFactorStatusResponseSchema>;

export const twoFactorStatusMeta = {
  summary: "Whether TOTP is on and recovery codes left",
} satisfies TrpcMeta;
