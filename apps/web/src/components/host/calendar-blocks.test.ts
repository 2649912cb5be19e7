import { describe, expect, it } from "vitest";
import { blockLabel, blockLabelsOf, feedRemovedMessage } from "./calendar-blocks.ts";

const imported = (feedHost: string | null) =>
  ({ kind: "import", importId: feedHost ? crypto.randomUUID() : null, feedHost }) as const;

describe("blockLabel", () => {
  it("names an imported block by its feed's host, or generically when the feed is gone", () => {
    expect(blockLabel({ blockNote: null, blockSource: imported("airbnb.com") })).toBe(
      "Imported from airbnb.com",
    );
    expect(blockLabel({ blockNote: null, blockSource: imported(null) })).toBe("Imported calendar");
  });

  it("shows a host's own note, else Blocked, and nothing for a night no block holds", () => {
    expect(blockLabel({ blockNote: "Family visiting", blockSource: { kind: "manual" } })).toBe(
      "Family visiting",
    );
    expect(blockLabel({ blockNote: null, blockSource: { kind: "manual" } })).toBe("Blocked");
    expect(blockLabel({ blockNote: "", blockSource: { kind: "manual" } })).toBe("Blocked");
    expect(blockLabel({ blockNote: null, blockSource: null })).toBeNull();
  });
});

describe("blockLabelsOf", () => {
  it("lists each block's label once, skipping free and booked nights", () => {
    const airbnb = { blockId: "b1", blockNote: null, blockSource: imported("airbnb.com") };
    const free = { blockId: null, blockNote: null, blockSource: null };
    const own = { blockId: "b2", blockNote: "Painting", blockSource: { kind: "manual" } as const };
    expect(blockLabelsOf([airbnb, airbnb, free, own])).toEqual(["Imported from airbnb.com", "Painting"]);
    expect(blockLabelsOf([free])).toEqual([]);
  });
});

describe("feedRemovedMessage", () => {
  it("says how many blocks the removal freed", () => {
    expect(feedRemovedMessage({ removed: true, freedBlocks: 3 })).toBe(
      "Calendar removed and 3 blocks freed: guests can book those nights again.",
    );
    expect(feedRemovedMessage({ removed: true, freedBlocks: 1 })).toBe(
      "Calendar removed and 1 block freed: guests can book those nights again.",
    );
    expect(feedRemovedMessage({ removed: true, freedBlocks: 0 })).toBe(
      "Calendar removed. It had no blocked nights here.",
    );
    expect(feedRemovedMessage({ removed: false, freedBlocks: 0 })).toBe("That calendar was already removed.");
  });
});
