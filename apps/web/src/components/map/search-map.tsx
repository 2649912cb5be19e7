"use client";
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { LeafletSearchMapProps } from "./leaflet-search-map.tsx";
// With the page, not the map's chunk: the map must have its size the moment Leaflet measures it.
import "leaflet/dist/leaflet.css";
import "./map.css";

// Leaflet reads `window` as it loads: it may only ever run in the browser.
const LeafletSearchMap = dynamic(() => import("./leaflet-search-map.tsx").then((m) => m.LeafletSearchMap), {
  ssr: false,
  loading: () => (
    <div className="search-map search-map--loading" role="status">
      Loading the map…
    </div>
  ),
});

/** The results map with the selected listing's card (React, not a Leaflet popup) over it. */
export function SearchMap({ card, ...props }: LeafletSearchMapProps & { card: ReactNode }) {
  return (
    <div className="search-map-frame">
      <LeafletSearchMap {...props} />
      {card}
    </div>
  );
}
