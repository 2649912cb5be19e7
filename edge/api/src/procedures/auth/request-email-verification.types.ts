import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zEmail } from "./shared.types.ts";

/** Signed in: no input needed. Signed out (e.g. the link expired before the first login): the address. */
export const ZRequestEmailVerificationRequestSchema = z.object({ email: zEmail.optional() }).optional();

export const ZRequestEmailVerificationResponseSchema = z.object({ ok: z.literal(true) });
export type TRequestEmailVerificationRequest = z.input<typeof ZRequestEmailVerificationRequestSchema>;
export type TRequestEmailVerificationResponse = z.output<typeof ZRequestEmailVerificationResponseSchema>;

export const requestEmailVerificationMeta = { summary: "Send another verification mail" } satisfies TrpcMeta;
