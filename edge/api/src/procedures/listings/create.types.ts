import { zCreateListingInput, zListing } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZCreateListingRequestSchema = zCreateListingInput;
export const ZCreateListingResponseSchema = zListing;
export type TCreateListingRequest = z.input<typeof ZCreateListingRequestSchema>;
export type TCreateListingResponse = z.output<typeof ZCreateListingResponseSchema>;

export const createListingMeta = {
  summary: "Start a draft listing from a title and property type",
} satisfies TrpcMeta;
