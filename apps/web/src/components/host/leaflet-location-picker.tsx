"use client";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import { addBaseLayer } from "../map/base-layer.ts";
import type { MapTiles } from "../map/map-tiles.ts";

export type LocationPickerProps = {
  /** The pin, or null while the home has no position yet. */
  position: { lat: number; lng: number } | null;
  tiles: MapTiles | null;
  onPick: (position: { lat: number; lng: number }) => void;
};

/** About a metre: more digits only pretend to a precision no click has. */
const round = (n: number) => Math.round(n * 100_000) / 100_000;
const wrapLng = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;

/**
 * Click the map (or drag the pin) to place the home. Uses the search map's offline land base, or
 * tiles when they are configured. The coordinates stay editable as numbers beside it.
 */
export function LeafletLocationPicker({ position, tiles, onPick }: LocationPickerProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const latest = useRef({ onPick, tiles });
  latest.current = { onPick, tiles };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const map = L.map(el, { center: [30, 0], zoom: 2, minZoom: 1, zoomSnap: 0.5 });
    addBaseLayer(map, latest.current.tiles);
    map.on("click", (event: L.LeafletMouseEvent) =>
      latest.current.onPick({ lat: round(event.latlng.lat), lng: round(wrapLng(event.latlng.lng)) }),
    );
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(el);
    mapRef.current = map;
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
      marker.current = null;
    };
  }, []);

  const lat = position?.lat;
  const lng = position?.lng;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (lat === undefined || lng === undefined) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) {
      const pin = L.marker([lat, lng], {
        draggable: true,
        keyboard: false,
        icon: L.divIcon({
          className: "host-map-pin",
          html: "<span></span>",
          iconSize: [22, 22],
          iconAnchor: [11, 22],
        }),
      });
      pin.on("dragend", () => {
        const at = pin.getLatLng();
        latest.current.onPick({ lat: round(at.lat), lng: round(wrapLng(at.lng)) });
      });
      pin.addTo(map);
      marker.current = pin;
      map.setView([lat, lng], Math.max(map.getZoom(), 13), { animate: false });
    } else {
      marker.current.setLatLng([lat, lng]);
      if (!map.getBounds().contains([lat, lng])) map.panTo([lat, lng], { animate: false });
    }
  }, [lat, lng]);

  return (
    <div
      ref={container}
      className="host-map"
      role="application"
      aria-label="Map: click to place your home"
      data-testid="location-map"
    />
  );
}
