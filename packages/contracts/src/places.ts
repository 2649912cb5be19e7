import * as z from "zod";
import { zText } from "./input-bounds.ts";

export const placeKinds = ["city", "neighbourhood", "address"] as const;

/**
 * What a host types into the location step's address search: a geocoder is a paid or rate-limited
 * upstream, and the text goes into its URL.
 */
export const zSearchPlacesInput = z.object({ query: zText({ min: 2, max: 100 }) });
export type SearchPlacesInput = z.infer<typeof zSearchPlacesInput>;

/** A place the location step can fill the form from; the zone comes from its position. */
export const zPlace = z.object({
  kind: z.enum(placeKinds),
  /** One line to show in the list of results, e.g. "Alfama, Lisbon, Portugal". */
  label: z.string().max(300),
  /** Street and number when the geocoder knows them (never for the offline gazetteer). */
  addressLine1: z.string().max(200).nullable(),
  city: z.string().max(100),
  region: z.string().max(100).nullable(),
  postalCode: z.string().max(20).nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** IANA zone at the position. */
  timezone: z.string().max(64),
});
export type Place = z.infer<typeof zPlace>;

export const MAX_PLACES = 8;

export const zSearchPlacesOutput = z.object({ places: z.array(zPlace).max(MAX_PLACES) });
export type SearchPlacesOutput = z.infer<typeof zSearchPlacesOutput>;
