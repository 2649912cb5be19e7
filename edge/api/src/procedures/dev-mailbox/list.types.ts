import { zText } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

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
export type TListDevMailRequest = z.input<typeof ZListDevMailRequestSchema>;
export type TListDevMailResponse = z.output<typeof ZListDevMailResponseSchema>;

export const listDevMailMeta = { summary: "The local mailbox (development only)" } satisfies TrpcMeta;
