import L from "leaflet";
import land from "world-atlas/land-110m.json";
import { landPolygons } from "./land-base.ts";
import type { MapTiles } from "./map-tiles.ts";

type LandTopology = Parameters<typeof landPolygons>[0];

/**
 * What every map draws under its own layers: the configured raster tiles, or, offline and by
 * default, the bundled 1:110m land outlines (no tile requests at all).
 */
export function addBaseLayer(map: L.Map, tiles: MapTiles | null): void {
  if (tiles) {
    L.tileLayer(tiles.urlTemplate, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    return;
  }
  map.attributionControl.addAttribution("Land outlines: Natural Earth");
  L.geoJSON(landPolygons(land as unknown as LandTopology), {
    interactive: false,
    style: { color: "#b9b09c", weight: 1, fillColor: "#f1ece1", fillOpacity: 1 },
  }).addTo(map);
}
