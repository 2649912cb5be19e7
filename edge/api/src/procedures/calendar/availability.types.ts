import { zListingAvailability } from "@hometrip/contracts";
import * as z from "zod";
import { partnerMeta } from "../../partner-api/expose.ts";
import type { TrpcMeta } from "../../trpc.ts";

export const ZAvailabilityRequestSchema = z.object({ listingId: z.uuid() });
export const ZAvailabilityResponseSchema = zListingAvailability;
export type TAvailabilityRequest = z.input<typeof ZAvailabilityRequestSchema>;
export type TAvailabilityResponse = z.output<typeof ZAvailabilityResponseSchema>;

export const availabilityMeta = partnerMeta(
  { summary: "A listing's occupied nights for the next 12 months" },
  { method: "GET", path: "/v1/listings/{listingId}/availability", tag: "listings", authRequired: false },
) satisfies TrpcMeta;
