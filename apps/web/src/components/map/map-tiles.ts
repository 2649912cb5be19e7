/**
 * Raster tiles for the map, when configured. Without them the map draws its own plain land base
 * and makes no tile requests at all (it must work offline, and a tile server's terms need an
 * attribution we cannot invent).
 */
export type MapTiles = { urlTemplate: string; attribution: string };

export function mapTilesFrom(source: Record<string, string | undefined>): MapTiles | null {
  const urlTemplate = source.NEXT_PUBLIC_MAP_TILE_URL?.trim();
  if (!urlTemplate) return null;
  if (!/^https?:\/\//.test(urlTemplate) || !["{z}", "{x}", "{y}"].every((p) => urlTemplate.includes(p))) {
    throw new Error(
      `NEXT_PUBLIC_MAP_TILE_URL must be an http(s) template with {z}, {x} and {y}, got "${urlTemplate}"`,
    );
  }
  const attribution = source.NEXT_PUBLIC_MAP_ATTRIBUTION?.trim();
  if (!attribution) {
    throw new Error(
      "NEXT_PUBLIC_MAP_ATTRIBUTION is required with NEXT_PUBLIC_MAP_TILE_URL (tile terms ask for it)",
    );
  }
  return { urlTemplate, attribution };
}
