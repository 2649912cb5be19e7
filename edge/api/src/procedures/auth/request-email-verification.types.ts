import * as z from "zod";
import { zEmail } from "./shared.types.ts";

/** Signed in: no input needed. Signed out (e.g. the link expired before the first login): the address. */
export const ZRequestEmailVerificationRequestSchema = z.object({ email: zEmail.optional() }).optional();

export const ZRequestEmailVerificationResponseSchema = z.object({ ok: z.literal(true) });
