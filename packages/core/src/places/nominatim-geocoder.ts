import { AppError, MAX_PLACES, type Place } from "@hometrip/contracts";
import * as z from "zod";
import { type Geocoder, placeLabel } from "./geocoder.ts";
import { timeZoneAt } from "./time-zone.ts";

export interface NominatimOptions {
  /** Base URL of a Nominatim-compatible service (Nominatim, LocationIQ…): `${url}/search` is called. */
  url: string;
  /** Nominatim's usage policy asks every application to name itself. */
  userAgent: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const part = z.string().max(200).optional();
/** The fields of a `format=jsonv2&addressdetails=1` result we read; anything else is ignored. */
const zNominatimResult = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  name: part,
  address: z.object({
    house_number: part,
    road: part,
    neighbourhood: part,
    suburb: part,
    quarter: part,
    city: part,
    town: part,
    village: part,
    municipality: part,
    state: part,
    region: part,
    postcode: z.string().max(20).optional(),
    country: part,
    country_code: z.string().regex(/^[a-zA-Z]{2}$/),
  }),
});

/** Countries that write the number before the street. */
const numberFirst = new Set(["US", "CA", "GB", "IE", "AU", "NZ", "ZA"]);

function toPlace(result: z.infer<typeof zNominatimResult>): Place | null {
  const a = result.address;
  const country = a.country_code.toUpperCase();
  const city = a.city ?? a.town ?? a.village ?? a.municipality;
  if (!city) return null;
  const addressLine1 = !a.road
    ? null
    : !a.house_number
      ? a.road
      : numberFirst.has(country)
        ? `${a.house_number} ${a.road}`
        : `${a.road} ${a.house_number}`;
  const area = a.neighbourhood ?? a.quarter ?? a.suburb;
  return {
    kind: addressLine1 ? "address" : area ? "neighbourhood" : "city",
    label: placeLabel([addressLine1 ?? area ?? result.name, city, a.state ?? a.region, a.country]),
    addressLine1,
    city,
    region: a.state ?? a.region ?? null,
    postalCode: a.postcode ?? null,
    country,
    lat: result.lat,
    lng: result.lon,
    timezone: timeZoneAt(result.lat, result.lon),
  };
}

/** A real geocoder over HTTP (GEOCODER_URL), speaking Nominatim's search API. */
export function createNominatimGeocoder(opts: NominatimOptions): Geocoder {
  const fetcher = opts.fetch ?? fetch;
  return {
    name: "nominatim",
    async search(query) {
      const url = new URL("search", opts.url.endsWith("/") ? opts.url : `${opts.url}/`);
      url.search = new URLSearchParams({
        q: query,
        format: "jsonv2",
        addressdetails: "1",
        limit: String(MAX_PLACES),
        "accept-language": "en",
      }).toString();
      let response: Response;
      try {
        response = await fetcher(url, {
          headers: { accept: "application/json", "user-agent": opts.userAgent },
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
        });
      } catch (error) {
        throw new AppError("UNAVAILABLE", "Address search is unavailable; try again shortly", {
          cause: error,
        });
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new AppError(
          "UNAVAILABLE",
          `Address search is unavailable (geocoder answered ${response.status})`,
        );
      }
      const body: unknown = await response.json().catch(() => null);
      const results = Array.isArray(body) ? body : [];
      return results
        .flatMap((r) => {
          const parsed = zNominatimResult.safeParse(r);
          const place = parsed.success ? toPlace(parsed.data) : null;
          return place ? [place] : [];
        })
        .slice(0, MAX_PLACES);
    },
  };
}
