import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZGetDevMailRequestSchema = z.object({ id: z.uuid() });

export const ZGetDevMailResponseSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  /** Extra headers the mail carried (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime(),
});
export type TGetDevMailRequest = z.input<typeof ZGetDevMailRequestSchema>;
export type TGetDevMailResponse = z.output<typeof ZGetDevMailResponseSchema>;

export const getDevMailMeta = {
  summary: "One mail of the local mailbox (development only)",
} satisfies TrpcMeta;
