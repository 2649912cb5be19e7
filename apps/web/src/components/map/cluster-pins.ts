export type Clusterable = { id: string; lat: number; lng: number };
export type PinCluster<P extends Clusterable> = { pins: P[]; lat: number; lng: number };

/**
 * Groups pins that would overlap on screen: in order, each pin joins the first group whose first
 * pin is within `radiusPx` of it (in the map's pixels at the current zoom), or starts its own.
 * Pins in `apart` (the selected one) always stand alone, so the card shown belongs to a visible pin.
 * A group sits at the mean position of its pins. Quadratic, which suits a page of results.
 */
export function clusterPins<P extends Clusterable>(
  pins: readonly P[],
  project: (pin: P) => { x: number; y: number },
  radiusPx: number,
  apart: ReadonlySet<string> = new Set(),
): PinCluster<P>[] {
  const groups: { seed: { x: number; y: number }; pins: P[] }[] = [];
  for (const pin of pins) {
    const at = project(pin);
    const group = apart.has(pin.id)
      ? undefined
      : groups.find(
          (g) => !apart.has(g.pins[0]!.id) && Math.hypot(g.seed.x - at.x, g.seed.y - at.y) <= radiusPx,
        );
    if (group) group.pins.push(pin);
    else groups.push({ seed: at, pins: [pin] });
  }
  return groups.map(({ pins: members }) => ({
    pins: members,
    lat: members.reduce((sum, p) => sum + p.lat, 0) / members.length,
    lng: members.reduce((sum, p) => sum + p.lng, 0) / members.length,
  }));
}
