import { zSearchQuery, zSearchResult } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZSearchListingsRequestSchema = zSearchQuery;
export const ZSearchListingsResponseSchema = zSearchResult;
export type TSearchListingsRequest = z.input<typeof ZSearchListingsRequestSchema>;
export type TSearchListingsResponse = z.output<typeof ZSearchListingsResponseSchema>;

export const searchListingsMeta = { summary: "Search published listings on the map" } satisfies TrpcMeta;
