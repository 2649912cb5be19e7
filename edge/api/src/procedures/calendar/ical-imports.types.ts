import { zIcalImportView } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZIcalImportsRequestSchema = z.object({ listingId: z.uuid() });
export const ZIcalImportsResponseSchema = z.array(zIcalImportView);
export type TIcalImportsRequest = z.input<typeof ZIcalImportsRequestSchema>;
export type TIcalImportsResponse = z.output<typeof ZIcalImportsResponseSchema>;

export const icalImportsMeta = {
  summary: "The listing's imported calendars and how their last sync went",
} satisfies TrpcMeta;
