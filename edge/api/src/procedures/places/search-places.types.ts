import { zSearchPlacesInput, zSearchPlacesOutput } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZSearchPlacesRequestSchema = zSearchPlacesInput;
export const ZSearchPlacesResponseSchema = zSearchPlacesOutput;
export type TSearchPlacesRequest = z.input<typeof ZSearchPlacesRequestSchema>;
export type TSearchPlacesResponse = z.output<typeof ZSearchPlacesResponseSchema>;

export const searchPlacesMeta = {
  summary: "Places a host can put a listing at, with their position and time zone",
} satisfies TrpcMeta;
