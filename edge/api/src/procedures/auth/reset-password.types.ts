import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zNewPassword, zOpaqueToken } from "./shared.types.ts";

export const ZResetPasswordRequestSchema = z.object({ token: zOpaqueToken, newPassword: zNewPassword });

export const ZResetPasswordResponseSchema = z.object({ ok: z.literal(true) });
export type TResetPasswordRequest = z.input<typeof ZResetPasswordRequestSchema>;
export type TResetPasswordResponse = z.output<typeof ZResetPasswordResponseSchema>;

export const resetPasswordMeta = { summary: "Set a new password from a reset link" } satisfies TrpcMeta;
