import { zListing, zListingId } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZUnlistListingRequestSchema = zListingId;
export const ZUnlistListingResponseSchema = zListing;
export type TUnlistListingRequest = z.input<typeof ZUnlistListingRequestSchema>;
export type TUnlistListingResponse = z.output<typeof ZUnlistListingResponseSchema>;

export const unlistListingMeta = { summary: "Hide a published listing from search" } satisfies TrpcMeta;
