import { zListingList } from "@hometrip/contracts";
import type * as z from "zod";
import { partnerMeta } from "../../partner-api/expose.ts";
import type { TrpcMeta } from "../../trpc.ts";

export const ZMyListingsResponseSchema = zListingList;
export type TMyListingsResponse = z.output<typeof ZMyListingsResponseSchema>;

export const myListingsMeta = partnerMeta(
  { summary: "The host's own listings", scope: "listings:read" },
  { method: "GET", path: "/v1/me/listings", tag: "hosting", authRequired: true },
) satisfies TrpcMeta;
