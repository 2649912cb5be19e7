import { zListingAvailability } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZAvailabilityRequestSchema = z.object({ listingId: z.uuid() });
export const ZAvailabilityResponseSchema = zListingAvailability;
export type TAvailabilityRequest = z.input<typeof ZAvailabilityRequestSchema>;
export type TAvailabilityResponse = z.output<typeof ZAvailabilityResponseSchema>;

export const availabilityMeta = {
  summary: "A listing's occupied nights for the next 12 months",
} satisfies TrpcMeta;
