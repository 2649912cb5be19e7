import { zListingPhotos, zReorderPhotosInput } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZReorderPhotosRequestSchema = zReorderPhotosInput;
export const ZReorderPhotosResponseSchema = zListingPhotos;
export type TReorderPhotosRequest = z.input<typeof ZReorderPhotosRequestSchema>;
export type TReorderPhotosResponse = z.output<typeof ZReorderPhotosResponseSchema>;

export const reorderPhotosMeta = {
  summary: "Set the order of a listing's photos; the first is the cover",
} satisfies TrpcMeta;
