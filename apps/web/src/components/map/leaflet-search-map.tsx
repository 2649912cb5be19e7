"use client";
import L from "leaflet";
import { useEffect, useRef, useState } from "react";
import type { MapBounds } from "../search/search-url.ts";
import { addBaseLayer } from "./base-layer.ts";
import type { MapTiles } from "./map-tiles.ts";
import { drawPins, markPins, type PinMark } from "./pin-layer.ts";

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

/**
 * The search map, on Leaflet (no WebGL). Without configured tiles it draws the bundled land base
 * and requests nothing. Pins are Leaflet markers whose icons are keyboard-focusable buttons named
 * after the listing; the selected listing's card is React, drawn over the map by the caller.
 */
export function LeafletSearchMap(props: LeafletSearchMapProps) {
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pinLayer = useRef<L.LayerGroup | null>(null);
  const marks = useRef<PinMark[]>([]);
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
      marks.current = [];
    };
  }, []);

  // Pins: redrawn when the results change and at every zoom (groups depend on the scale).
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw per new pins; the rest is read from `latest`
  useEffect(() => {
    const map = mapRef.current;
    const layer = pinLayer.current;
    if (!map || !layer) return;
    const draw = () => {
      const { pins, selectedId, highlightedId } = latest.current;
      marks.current = drawPins(map, layer, pins, {
        selectedId,
        onSelect: (id) => latest.current.onSelect(id),
      });
      markPins(marks.current, selectedId, highlightedId);
    };
    draw();
    map.on("zoomend", draw);
    return () => {
      map.off("zoomend", draw);
    };
  }, [props.pins]);

  useEffect(() => {
    markPins(marks.current, props.selectedId, props.highlightedId);
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
