import { zText } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZRemoveIcalImportRequestSchema = z.object({
  listingId: z.uuid(),
  url: zText({ max: 2000 }).pipe(z.url({ protocol: /^https?$/, message: "An http(s) calendar URL" })),
});
export const ZRemoveIcalImportResponseSchema = z.object({
  removed: z.boolean(),
  /** Blocks the feed had made, deleted with it: their dates are free again. */
  freedBlocks: z.int().min(0),
});
export type TRemoveIcalImportRequest = z.input<typeof ZRemoveIcalImportRequestSchema>;
export type TRemoveIcalImportResponse = z.output<typeof ZRemoveIcalImportResponseSchema>;

export const removeIcalImportMeta = {
  summary: "Stop importing a calendar and free the nights it held",
} satisfies TrpcMeta;
