import { zListingPhotoInput, zListingPhotos } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZDeletePhotoRequestSchema = zListingPhotoInput;
export const ZDeletePhotoResponseSchema = zListingPhotos;
export type TDeletePhotoRequest = z.input<typeof ZDeletePhotoRequestSchema>;
export type TDeletePhotoResponse = z.output<typeof ZDeletePhotoResponseSchema>;

export const deletePhotoMeta = { summary: "Delete one of a listing's photos" } satisfies TrpcMeta;
