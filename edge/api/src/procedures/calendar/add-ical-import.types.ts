import { zIcalImportView, zText } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZAddIcalImportRequestSchema = z.object({
  listingId: z.uuid(),
  url: zText({ max: 2000 }).pipe(z.url({ protocol: /^https?$/, message: "An http(s) calendar URL" })),
});
export const ZAddIcalImportResponseSchema = zIcalImportView;
export type TAddIcalImportRequest = z.input<typeof ZAddIcalImportRequestSchema>;
export type TAddIcalImportResponse = z.output<typeof ZAddIcalImportResponseSchema>;

export const addIcalImportMeta = {
  summary: "Import another platform's calendar every 30 minutes",
} satisfies TrpcMeta;
