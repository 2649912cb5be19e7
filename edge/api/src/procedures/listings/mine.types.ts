import { zListingList } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZMyListingsResponseSchema = zListingList;
export type TMyListingsResponse = z.output<typeof ZMyListingsResponseSchema>;

export const myListingsMeta = { summary: "The host's own listings" } satisfies TrpcMeta;
