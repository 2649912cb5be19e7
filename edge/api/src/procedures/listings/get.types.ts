import { zListing, zListingId } from "@hometrip/contracts";
import type * as z from "zod";
import { partnerMeta } from "../../partner-api/expose.ts";
import type { TrpcMeta } from "../../trpc.ts";

export const ZGetListingRequestSchema = zListingId;
export const ZGetListingResponseSchema = zListing;
export type TGetListingRequest = z.input<typeof ZGetListingRequestSchema>;
export type TGetListingResponse = z.output<typeof ZGetListingResponseSchema>;

export const getListingMeta = partnerMeta(
  { summary: "A listing as guests see it", scope: "listings:read" },
  { method: "GET", path: "/v1/listings/{id}", tag: "listings", authRequired: false },
) satisfies TrpcMeta;
