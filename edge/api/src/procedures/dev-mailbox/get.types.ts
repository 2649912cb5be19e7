import * as z from "zod";

export const ZGetDevMailRequestSchema = z.object({ id: z.uuid() });

export const ZGetDevMailResponseSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
