import * as z from "zod";
import { zOpaqueToken } from "./shared.types.ts";

export const ZVerifyEmailRequestSchema = z.object({ token: zOpaqueToken });

export const ZVerifyEmailResponseSchema = z.object({ ok: z.literal(true) });
