import * as z from "zod";
import { zNewPassword, zOpaqueToken } from "./shared.types.ts";

export const ZResetPasswordRequestSchema = z.object({ token: zOpaqueToken, newPassword: zNewPassword });

export const ZResetPasswordResponseSchema = z.object({ ok: z.literal(true) });
