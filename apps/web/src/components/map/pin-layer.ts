import L from "leaflet";
import { clusterPins } from "./cluster-pins.ts";
import type { MapPin } from "./leaflet-search-map.tsx";

/** What one marker on the map stands for: one listing, or a group of them. */
export type PinMark = { marker: L.Marker; ids: string[] };

/** Pins closer than this on screen are grouped; from CLUSTER_UNTIL_ZOOM on (streets) never. */
const CLUSTER_RADIUS_PX = 44;
const CLUSTER_UNTIL_ZOOM = 16;

/** A Leaflet divIcon marker whose icon element is a keyboard button (Enter or Space acts). */
function buttonMarker(
  at: L.LatLngExpression,
  className: string,
  text: string,
  label: string,
  act: () => void,
) {
  const content = document.createElement("span");
  content.textContent = text;
  // No size: the icon is as wide as its text, centred once it is in the page.
  const marker = L.marker(at, {
    icon: L.divIcon({ className, html: content, iconSize: undefined }),
    keyboard: true,
    riseOnHover: true,
  });
  marker.on("click", act);
  return {
    marker,
    place(offsetY: (el: HTMLElement) => number) {
      const el = marker.getElement();
      if (!el) return;
      el.style.marginLeft = `${-el.offsetWidth / 2}px`;
      el.style.marginTop = `${offsetY(el)}px`;
      el.setAttribute("aria-label", label);
      el.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          act();
        }
      });
    },
  };
}

/**
 * Draws the pins into `layer` at the map's current zoom: price pins, and where pins would overlap a
 * round badge with their count that zooms in to them when pressed. The selected pin is never grouped.
 */
export function drawPins(
  map: L.Map,
  layer: L.LayerGroup,
  pins: readonly MapPin[],
  opts: { selectedId: string | null; onSelect: (id: string) => void },
): PinMark[] {
  layer.clearLayers();
  const radius = map.getZoom() >= CLUSTER_UNTIL_ZOOM ? 0 : CLUSTER_RADIUS_PX;
  const apart = new Set(opts.selectedId ? [opts.selectedId] : []);
  const clusters = clusterPins(pins, (p) => map.latLngToLayerPoint([p.lat, p.lng]), radius, apart);
  return clusters.map((cluster) => {
    const ids = cluster.pins.map((p) => p.id);
    const only = cluster.pins.length === 1 ? cluster.pins[0] : undefined;
    if (only) {
      const pin = buttonMarker([only.lat, only.lng], "price-pin", only.priceLabel, only.label, () =>
        opts.onSelect(only.id),
      );
      pin.marker.addTo(layer);
      // Above the point, like a speech bubble's tip.
      pin.place((el) => -el.offsetHeight - 6);
      return { marker: pin.marker, ids };
    }
    const area = L.latLngBounds(cluster.pins.map((p) => [p.lat, p.lng]));
    const count = cluster.pins.length;
    const group = buttonMarker(
      [cluster.lat, cluster.lng],
      "pin-cluster",
      String(count),
      `${count} homes here: zoom in`,
      () => map.fitBounds(area, { padding: [64, 64], maxZoom: CLUSTER_UNTIL_ZOOM + 1 }),
    );
    group.marker.addTo(layer);
    group.place((el) => -el.offsetHeight / 2);
    return { marker: group.marker, ids };
  });
}

/** Selected and hovered pins stand out (and say so to screen readers); a group shows its members'. */
export function markPins(marks: readonly PinMark[], selectedId: string | null, highlightedId: string | null) {
  for (const { marker, ids } of marks) {
    const el = marker.getElement();
    const selected = selectedId !== null && ids.includes(selectedId);
    const highlighted = highlightedId !== null && ids.includes(highlightedId);
    const single = ids.length === 1;
    el?.classList.toggle(single ? "price-pin--selected" : "pin-cluster--selected", selected);
    el?.classList.toggle(single ? "price-pin--highlighted" : "pin-cluster--highlighted", highlighted);
    if (single) el?.setAttribute("aria-pressed", String(selected));
    marker.setZIndexOffset(selected ? 1000 : highlighted ? 500 : 0);
  }
}
