"use client";
import dynamic from "next/dynamic";
import type { LocationPickerProps } from "./leaflet-location-picker.tsx";

// Leaflet reads `window` as it loads: it may only ever run in the browser.
export const LocationPicker = dynamic<LocationPickerProps>(
  () => import("./leaflet-location-picker.tsx").then((m) => m.LeafletLocationPicker),
  {
    ssr: false,
    loading: () => (
      <div className="host-map host-map--loading" role="status">
        Loading the map…
      </div>
    ),
  },
);
