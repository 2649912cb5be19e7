import { zSearchQuery, zSearchResult } from "@hometrip/contracts";
import type * as z from "zod";
import { partnerMeta } from "../../partner-api/expose.ts";
import type { TrpcMeta } from "../../trpc.ts";

export const ZSearchListingsRequestSchema = zSearchQuery;
export const ZSearchListingsResponseSchema = zSearchResult;
export type TSearchListingsRequest = z.input<typeof ZSearchListingsRequestSchema>;
export type TSearchListingsResponse = z.output<typeof ZSearchListingsResponseSchema>;

export const searchListingsMeta = partnerMeta(
  { summary: "Search published listings on the map" },
  {
    method: "POST",
    path: "/v1/listings/search",
    tag: "listings",
    authRequired: false,
    description: "Filters, map bounds or a point, dates and guests; pages with `cursor`.",
  },
) satisfies TrpcMeta;
