import { zListing, zUpdateListingInput } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZUpdateListingRequestSchema = zUpdateListingInput;
export const ZUpdateListingResponseSchema = zListing;
export type TUpdateListingRequest = z.input<typeof ZUpdateListingRequestSchema>;
export type TUpdateListingResponse = z.output<typeof ZUpdateListingResponseSchema>;

export const updateListingMeta = { summary: "Change some of a listing's fields" } satisfies TrpcMeta;
