export { typosAllowed, withinEdits } from "./edit-distance.ts";
export { type KnownPlace, knownPlaces } from "./gazetteer.ts";
export { createGazetteerGeocoder, type Geocoder } from "./geocoder.ts";
export { createNominatimGeocoder, type NominatimOptions } from "./nominatim-geocoder.ts";
export { nearestKnownPlace, timeZoneAt } from "./time-zone.ts";
