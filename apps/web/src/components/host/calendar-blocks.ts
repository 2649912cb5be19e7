import type { RouterOutputs } from "@hometrip/api";

type Day = RouterOutputs["calendar"]["range"]["days"][number];
type Removal = RouterOutputs["calendar"]["removeIcalImport"];

/**
 * What a blocked night says about its block: where an imported one comes from (its feed's host,
 * never the raw `[ical:…]` note), a host's own note, or just "Blocked". Null when no block
 * holds the night.
 */
export function blockLabel(day: Pick<Day, "blockNote" | "blockSource">): string | null {
  const source = day.blockSource;
  if (!source) return null;
  if (source.kind === "import")
    return source.feedHost ? `Imported from ${source.feedHost}` : "Imported calendar";
  return day.blockNote || "Blocked";
}

/** The labels of the blocks holding these nights, each once, in date order. */
export function blockLabelsOf(days: readonly Pick<Day, "blockId" | "blockNote" | "blockSource">[]): string[] {
  const labels = days.filter((d) => d.blockId !== null).map(blockLabel);
  return [...new Set(labels.filter((label): label is string => label !== null))];
}

export function feedRemovedMessage({ removed, freedBlocks }: Removal): string {
  if (!removed) return "That calendar was already removed.";
  if (freedBlocks === 0) return "Calendar removed. It had no blocked nights here.";
  const blocks = freedBlocks === 1 ? "1 block" : `${freedBlocks} blocks`;
  return `Calendar removed and ${blocks} freed: guests can book those nights again.`;
}
