import { zPhoneCode } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZVerifyPhoneRequestSchema = z.object({ code: zPhoneCode });
export const ZVerifyPhoneResponseSchema = z.object({ ok: z.literal(true), phoneVerified: z.literal(true) });
export type TVerifyPhoneRequest = z.input<typeof ZVerifyPhoneRequestSchema>;
export type TVerifyPhoneResponse = z.output<typeof ZVerifyPhoneResponseSchema>;

export const verifyPhoneMeta = {
  summary: "Verify the saved SMS number with the texted code (5 wrong guesses void the code)",
} satisfies TrpcMeta;
