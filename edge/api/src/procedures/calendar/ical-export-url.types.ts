import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZIcalExportUrlRequestSchema = z.object({ listingId: z.uuid() });
export const ZIcalExportUrlResponseSchema = z.object({ url: z.url() });
export type TIcalExportUrlRequest = z.input<typeof ZIcalExportUrlRequestSchema>;
export type TIcalExportUrlResponse = z.output<typeof ZIcalExportUrlResponseSchema>;

export const icalExportUrlMeta = {
  summary: "The secret address of the listing's iCal feed",
} satisfies TrpcMeta;
