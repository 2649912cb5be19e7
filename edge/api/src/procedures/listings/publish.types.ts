import { zListing, zListingId } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZPublishListingRequestSchema = zListingId;
export const ZPublishListingResponseSchema = zListing;
export type TPublishListingRequest = z.input<typeof ZPublishListingRequestSchema>;
export type TPublishListingResponse = z.output<typeof ZPublishListingResponseSchema>;

export const publishListingMeta = { summary: "Publish a complete listing" } satisfies TrpcMeta;
