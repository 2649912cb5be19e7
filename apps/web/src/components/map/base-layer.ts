import L from "leaflet";
import countries from "world-atlas/countries-110m.json";
import { countryLines, landPolygons } from "./land-base.ts";
import type { MapTiles } from "./map-tiles.ts";

type Topology = Parameters<typeof landPolygons>[0];

/**
 * What every map draws under its own layers: the configured raster tiles, or, offline and by
 * default, the bundled 1:110m countries (no tile requests at all): land on the sea colour of the
 * map's background, coastlines, and dashed borders between countries.
 */
export function addBaseLayer(map: L.Map, tiles: MapTiles | null): void {
  if (tiles) {
    L.tileLayer(tiles.urlTemplate, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    return;
  }
  const topology = countries as unknown as Topology;
  map.attributionControl.addAttribution("Countries: Natural Earth");
  const line = { interactive: false } as const;
  L.geoJSON(landPolygons(topology, "countries"), {
    ...line,
    style: { stroke: false, fillColor: "#f1ece1", fillOpacity: 1 },
  }).addTo(map);
  L.geoJSON(countryLines(topology, "coasts"), { ...line, style: { color: "#9fb8c6", weight: 1.2 } }).addTo(
    map,
  );
  L.geoJSON(countryLines(topology, "borders"), {
    ...line,
    style: { color: "#a89f8c", weight: 1, dashArray: "4 3" },
  }).addTo(map);
}
