import tzLookup from "@photostructure/tz-lookup";
import { type KnownPlace, knownPlaces } from "./gazetteer.ts";

/** Positions this close to a known place take its zone, exact where the package's grid is coarse. */
const KNOWN_PLACE_KM = 50;

/** Approximate distance in km (equirectangular): plenty for "is it near" over tens of km. */
export function roughKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLng = ((((b.lng - a.lng + 540) % 360) - 180) * Math.PI) / 180;
  const dLat = ((b.lat - a.lat) * Math.PI) / 180;
  const x = dLng * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return 6371 * Math.sqrt(x * x + dLat * dLat);
}

export function nearestKnownPlace(at: { lat: number; lng: number }, withinKm: number): KnownPlace | null {
  let best: KnownPlace | null = null;
  let bestKm = withinKm;
  for (const place of knownPlaces) {
    const km = roughKm(at, place);
    if (km <= bestKm) [best, bestKm] = [place, km];
  }
  return best;
}

/**
 * The IANA zone at a position, offline: a known place's zone when one is near, else
 * `@photostructure/tz-lookup` (its whole-world grid is ~29 KB gzipped in the Worker; open sea
 * answers an `Etc/GMT±n` zone).
 */
export function timeZoneAt(lat: number, lng: number): string {
  return nearestKnownPlace({ lat, lng }, KNOWN_PLACE_KM)?.timezone ?? tzLookup(lat, lng);
}
