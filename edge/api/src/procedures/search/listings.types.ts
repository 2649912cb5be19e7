import { zSearchQuery, zSearchResult } from "@hometrip/contracts";

export const ZSearchListingsRequestSchema = zSearchQuery;
export const ZSearchListingsResponseSchema = zSearchResult;
