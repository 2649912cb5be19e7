import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zOpaqueToken } from "./shared.types.ts";

export const ZVerifyEmailRequestSchema = z.object({ token: zOpaqueToken });

export const ZVerifyEmailResponseSchema = z.object({ ok: z.literal(true) });
export type TVerifyEmailRequest = z.input<typeof ZVerifyEmailRequestSchema>;
export type TVerifyEmailResponse = z.output<typeof ZVerifyEmailResponseSchema>;

export const verifyEmailMeta = {
  summary: "Verify the account's email with the mailed token",
} satisfies TrpcMeta;
