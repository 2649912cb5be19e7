import { zIcalImportView, zText } from "@hometrip/contracts";
import * as z from "zod";

export const ZIcalExportUrlRequestSchema = z.object({ listingId: z.uuid() });
export const ZIcalExportUrlResponseSchema = z.object({ url: z.url() });

export const ZIcalImportRequestSchema = z.object({
  listingId: z.uuid(),
  url: zText({ max: 2000 }).pipe(z.url({ protocol: /^https?$/, message: "An http(s) calendar URL" })),
});
export const ZIcalImportSchema = zIcalImportView;
export const ZIcalImportsRequestSchema = z.object({ listingId: z.uuid() });
export const ZIcalImportsResponseSchema = z.array(ZIcalImportSchema);
export const ZRemoveIcalImportResponseSchema = z.object({
  removed: z.boolean(),
  /** Blocks the feed had made, deleted with it: their dates are free again. */
  freedBlocks: z.int().min(0),
});
