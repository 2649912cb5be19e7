import { zListingPhotoInput, zListingPhotos } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZSetCoverPhotoRequestSchema = zListingPhotoInput;
export const ZSetCoverPhotoResponseSchema = zListingPhotos;
export type TSetCoverPhotoRequest = z.input<typeof ZSetCoverPhotoRequestSchema>;
export type TSetCoverPhotoResponse = z.output<typeof ZSetCoverPhotoResponseSchema>;

export const setCoverPhotoMeta = { summary: "Make one photo the listing's cover" } satisfies TrpcMeta;
