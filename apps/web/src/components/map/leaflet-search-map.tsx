"use client";
import L from "leaflet";
import { useEffect, useRef, useState } from "react";
import type { MapBounds } from "../search/search-url.ts";
import { addBaseLayer } from "./base-layer.ts";
import type { MapTiles } from "./map-tiles.ts";

export type MapPin = {
  id: string;
  title: string;
  lat: number;
  lng: number;
  priceLabel: string;
  label: string;
};

export type LeafletSearchMapProps = {
  pins: MapPin[];
  /** The searched map area from the URL; the map shows it when it did not come from this map. */
  bounds: MapBounds | null;
  /** Changes when a new search (not another page of the same one) should reframe the pins. */
  fitKey: string;
  tiles: MapTiles | null;
  selectedId: string | null;
  highlightedId: string | null;
  onSelect: (id: string | null) => void;
  onSearchArea: (bounds: MapBounds) => void;
};

const WORLD_VIEW: { center: L.LatLngExpression; zoom: number } = { center: [30, 0], zoom: 2 };
const FIT_OPTIONS: L.FitBoundsOptions = { padding: [48, 48], maxZoom: 13, animate: false };

function clamp(n: number, min: number, max: number) {
  return Math.min(max, Math.max(min, n));
}

function boundsOfMap(map: L.Map): MapBounds {
  const b = map.getBounds();
  return {
    north: clamp(b.getNorth(), -90, 90),
    south: clamp(b.getSouth(), -90, 90),
    east: clamp(b.getEast(), -180, 180),
    west: clamp(b.getWest(), -180, 180),
  };
}

/** Runs a move we make ourselves, so the moveend handler can tell it from the guest's. */
function quietly(flag: { current: boolean }, move: () => void) {
  flag.current = true;
  try {
    move();
  } finally {
    flag.current = false;
  }
}

const sameBounds = (a: MapBounds, b: MapBounds) =>
  (["north", "south", "east", "west"] as const).every((k) => Math.abs(a[k] - b[k]) < 1e-4);

/** Selected and hovered pins stand out (and say so to screen readers). */
function markPins(markers: Map<string, L.Marker>, selectedId: string | null, highlightedId: string | null) {
  for (const [id, marker] of markers) {
    const el = marker.getElement();
    const selected = id === selectedId;
    const highlighted = id === highlightedId;
    el?.classList.toggle("price-pin--selected", selected);
    el?.classList.toggle("price-pin--highlighted", highlighted);
    el?.setAttribute("aria-pressed", String(selected));
    marker.setZIndexOffset(selected ? 1000 : highlighted ? 500 : 0);
  }
}

/**
 * The search map, on Leaflet (no WebGL). Without configured tiles it draws the bundled land base
 * and requests nothing. Pins are Leaflet markers whose icons are keyboard-focusable buttons named
 * after the listing; the selected listing's card is React, drawn over the map by the caller.
 */
export function LeafletSearchMap(props: LeafletSearchMapProps) {
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pinLayer = useRef<L.LayerGroup | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  // Moves we make ourselves (framing results, resizing) are not the guest moving the map.
  const programmatic = useRef(false);
  // The area this map last asked to search, so its own URL update does not reframe it.
  const lastSearched = useRef<MapBounds | null>(null);
  // The last framing we did, redone when the map's size changes until the guest moves the map.
  const refit = useRef<(() => void) | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [moved, setMoved] = useState(false);
  const [searchAsMoved, setSearchAsMoved] = useState(false);
  const searchAsMovedRef = useRef(searchAsMoved);
  searchAsMovedRef.current = searchAsMoved;

  // Create the map once; Leaflet owns this div from here on.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const map = L.map(el, {
      center: WORLD_VIEW.center,
      zoom: WORLD_VIEW.zoom,
      minZoom: 1,
      maxBounds: [
        [-85, -220],
        [85, 220],
      ],
      maxBoundsViscosity: 0.8,
      zoomSnap: 0.5,
    });
    addBaseLayer(map, latest.current.tiles);
    pinLayer.current = L.layerGroup().addTo(map);
    map.on("moveend", () => {
      if (programmatic.current) return;
      refit.current = null;
      if (searchAsMovedRef.current) {
        const bounds = boundsOfMap(map);
        lastSearched.current = bounds;
        latest.current.onSearchArea(bounds);
      } else {
        setMoved(true);
      }
    });
    map.on("click", () => latest.current.onSelect(null));
    const resize = new ResizeObserver(() =>
      quietly(programmatic, () => {
        map.invalidateSize({ pan: false });
        refit.current?.();
      }),
    );
    resize.observe(el);
    mapRef.current = map;
    return () => {
      resize.disconnect();
      map.remove();
      // A new map (React may mount twice) starts unframed.
      lastSearched.current = null;
      refit.current = null;
      mapRef.current = null;
      pinLayer.current = null;
      markers.current.clear();
    };
  }, []);

  // Pins: rebuilt when the results change.
  useEffect(() => {
    const layer = pinLayer.current;
    if (!layer) return;
    layer.clearLayers();
    markers.current.clear();
    for (const pin of props.pins) {
      const label = document.createElement("span");
      label.textContent = pin.priceLabel;
      const marker = L.marker([pin.lat, pin.lng], {
        // No size: the pill is as wide as its price, measured below once it is in the page.
        icon: L.divIcon({ className: "price-pin", html: label, iconSize: undefined }),
        keyboard: true,
        riseOnHover: true,
      });
      marker.on("click", () => latest.current.onSelect(pin.id));
      marker.addTo(layer);
      const el = marker.getElement();
      if (el) {
        // Centred above the point, like a speech bubble's tip.
        el.style.marginLeft = `${-el.offsetWidth / 2}px`;
        el.style.marginTop = `${-el.offsetHeight - 6}px`;
        el.setAttribute("aria-label", pin.label);
        el.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            latest.current.onSelect(pin.id);
          }
        });
      }
      markers.current.set(pin.id, marker);
    }
    markPins(markers.current, latest.current.selectedId, latest.current.highlightedId);
  }, [props.pins]);

  useEffect(() => {
    markPins(markers.current, props.selectedId, props.highlightedId);
  }, [props.selectedId, props.highlightedId]);

  // Framing: the searched area when it came from the URL, else the results of a new search.
  const boundsKey = props.bounds ? JSON.stringify(props.bounds) : "";
  const hasPins = props.pins.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reframe per search (fitKey) and per URL area, not per page of pins; the rest is read from `latest`
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const { bounds, pins } = latest.current;
    let frame: (() => void) | null = null;
    if (bounds) {
      if (lastSearched.current && sameBounds(lastSearched.current, bounds)) return;
      lastSearched.current = bounds;
      frame = () =>
        map.fitBounds(
          [
            [bounds.south, bounds.west],
            [bounds.north, bounds.east],
          ],
          { animate: false },
        );
    } else {
      lastSearched.current = null;
      if (pins.length === 1) frame = () => map.setView([pins[0]!.lat, pins[0]!.lng], 12, { animate: false });
      else if (pins.length > 1) {
        const area = L.latLngBounds(pins.map((p) => [p.lat, p.lng]));
        frame = () => map.fitBounds(area, FIT_OPTIONS);
      }
    }
    if (!frame) return;
    refit.current = frame;
    quietly(programmatic, frame);
    setMoved(false);
  }, [boundsKey, props.fitKey, hasPins]);

  const searchHere = () => {
    const map = mapRef.current;
    if (!map) return;
    const bounds = boundsOfMap(map);
    lastSearched.current = bounds;
    setMoved(false);
    props.onSearchArea(bounds);
  };

  return (
    <div className="search-map">
      <section ref={container} className="search-map__canvas" aria-label="Map of results" />
      <div className="search-map__controls">
        <label className="search-map__toggle">
          <input
            type="checkbox"
            checked={searchAsMoved}
            onChange={(event) => {
              setSearchAsMoved(event.target.checked);
              if (event.target.checked && moved) searchHere();
            }}
          />
          Search as I move the map
        </label>
        {moved && !searchAsMoved && (
          <button type="button" className="button button--primary button--small" onClick={searchHere}>
            Search this area
          </button>
        )}
      </div>
    </div>
  );
}
