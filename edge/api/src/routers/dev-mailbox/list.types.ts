import { zText } from "@hometrip/contracts";
import * as z from "zod";

export const ZListDevMailRequestSchema = z.object({ to: zText({ max: 320 }).optional() }).optional();

export const ZListDevMailResponseSchema = z.array(
  z.object({
    id: z.uuid(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    createdAt: z.iso.datetime(),
  }),
);
