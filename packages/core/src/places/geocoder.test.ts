import { describe, expect, it } from "vitest";
import { withinEdits } from "./edit-distance.ts";
import { createGazetteerGeocoder } from "./geocoder.ts";

const gazetteer = createGazetteerGeocoder();
const labels = async (query: string) => (await gazetteer.search(query)).map((p) => p.label);

describe("the gazetteer geocoder", () => {
  it("finds a neighbourhood with its city, region, country, position and zone", async () => {
    const [alfama] = await gazetteer.search("Alfama");
    expect(alfama).toEqual({
      kind: "neighbourhood",
      label: "Alfama, Lisbon, Lisboa, Portugal",
      addressLine1: null,
      city: "Lisbon",
      region: "Lisboa",
      postalCode: null,
      country: "PT",
      lat: 38.7115,
      lng: -9.1305,
      timezone: "Europe/Lisbon",
    });
  });

  it("puts the city first when its own name is typed, then its neighbourhoods", async () => {
    const found = await gazetteer.search("Lisboa");
    expect(found[0]).toMatchObject({ kind: "city", city: "Lisbon", timezone: "Europe/Lisbon" });
    expect(found.slice(1).map((p) => p.city)).toEqual(["Lisbon", "Lisbon", "Lisbon", "Lisbon"]);
  });

  it("finds places by country name, without accents, with a typo, and by several words", async () => {
    expect((await gazetteer.search("Japan")).every((p) => p.country === "JP")).toBe(true);
    expect((await labels("Belem"))[0]).toBe("Belém, Lisbon, Lisboa, Portugal");
    expect((await labels("Kyto"))[0]).toBe("Kyoto, Kyoto Prefecture, Japan");
    expect((await labels("Barcelna"))[0]).toBe("Barcelona, Catalonia, Spain");
    expect(await labels("gion kyoto")).toEqual(["Gion, Kyoto, Kyoto Prefecture, Japan"]);
    expect((await gazetteer.search("Coyoacan"))[0]).toMatchObject({
      city: "Mexico City",
      timezone: "America/Mexico_City",
    });
  });

  it("finds nothing for a place it does not know, and at most 8 places", async () => {
    expect(await gazetteer.search("Reykjavik")).toEqual([]);
    expect(await gazetteer.search("!!")).toEqual([]);
    expect((await gazetteer.search("a")).length).toBeLessThanOrEqual(8);
  });
});

describe("withinEdits", () => {
  it("counts inserts, deletes and substitutions", () => {
    expect(withinEdits("prto", "porto", 1)).toBe(true);
    expect(withinEdits("lisbn", "lisbon", 1)).toBe(true);
    expect(withinEdits("lsbn", "lisbon", 1)).toBe(false);
    expect(withinEdits("portgual", "portugal", 2)).toBe(true);
    expect(withinEdits("portgual", "portugal", 1)).toBe(false);
    expect(withinEdits("same", "same", 0)).toBe(true);
  });
});
