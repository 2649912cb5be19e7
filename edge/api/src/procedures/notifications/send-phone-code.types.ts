import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZSendPhoneCodeResponseSchema = z.object({
  ok: z.literal(true),
  /** The saved number the code is on its way to. */
  phone: z.string(),
  /** How long the code is good for once it arrives. */
  expiresInMinutes: z.number().int().positive(),
});
export type TSendPhoneCodeResponse = z.output<typeof ZSendPhoneCodeResponseSchema>;

export const sendPhoneCodeMeta = {
  summary: "Text a 6-digit code to the saved, unverified SMS number (1 a minute, 5 an hour)",
} satisfies TrpcMeta;
