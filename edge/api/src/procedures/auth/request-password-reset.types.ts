import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zEmail } from "./shared.types.ts";

export const ZRequestPasswordResetRequestSchema = z.object({ email: zEmail });

export const ZRequestPasswordResetResponseSchema = z.object({ ok: z.literal(true) });
export type TRequestPasswordResetRequest = z.input<typeof ZRequestPasswordResetRequestSchema>;
export type TRequestPasswordResetResponse = z.output<typeof ZRequestPasswordResetResponseSchema>;

export const requestPasswordResetMeta = { summary: "Mail a password reset link" } satisfies TrpcMeta;
