import * as z from "zod";
import { zEmail } from "./shared.types.ts";

export const ZRequestPasswordResetRequestSchema = z.object({ email: zEmail });

export const ZRequestPasswordResetResponseSchema = z.object({ ok: z.literal(true) });
