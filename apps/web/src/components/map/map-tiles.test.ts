import { describe, expect, it } from "vitest";
import { mapTilesFrom } from "./map-tiles.ts";

describe("mapTilesFrom", () => {
  it("means the offline land base when no tile URL is set", () => {
    expect(mapTilesFrom({})).toBeNull();
    expect(mapTilesFrom({ NEXT_PUBLIC_MAP_TILE_URL: " ", NEXT_PUBLIC_MAP_ATTRIBUTION: "x" })).toBeNull();
  });

  it("takes a z/x/y template with its attribution", () => {
    expect(
      mapTilesFrom({
        NEXT_PUBLIC_MAP_TILE_URL: "https://tile.example/{z}/{x}/{y}.png",
        NEXT_PUBLIC_MAP_ATTRIBUTION: "© Example contributors",
      }),
    ).toEqual({ urlTemplate: "https://tile.example/{z}/{x}/{y}.png", attribution: "© Example contributors" });
  });

  it("refuses a template that cannot be a tile URL, or tiles without attribution", () => {
    expect(() =>
      mapTilesFrom({
        NEXT_PUBLIC_MAP_TILE_URL: "https://tile.example/{z}.png",
        NEXT_PUBLIC_MAP_ATTRIBUTION: "a",
      }),
    ).toThrow(/\{z\}, \{x\} and \{y\}/);
    expect(() =>
      mapTilesFrom({
        NEXT_PUBLIC_MAP_TILE_URL: "ftp://tile.example/{z}/{x}/{y}",
        NEXT_PUBLIC_MAP_ATTRIBUTION: "a",
      }),
    ).toThrow(/http/);
    expect(() => mapTilesFrom({ NEXT_PUBLIC_MAP_TILE_URL: "https://tile.example/{z}/{x}/{y}.png" })).toThrow(
      /ATTRIBUTION/,
    );
  });
});
