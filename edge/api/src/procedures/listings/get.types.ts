import { zListing, zListingId } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZGetListingRequestSchema = zListingId;
export const ZGetListingResponseSchema = zListing;
export type TGetListingRequest = z.input<typeof ZGetListingRequestSchema>;
export type TGetListingResponse = z.output<typeof ZGetListingResponseSchema>;

export const getListingMeta = { summary: "A listing as guests see it" } satisfies TrpcMeta;
