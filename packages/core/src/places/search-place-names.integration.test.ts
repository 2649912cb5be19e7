import { createTunnelledDatabase, type TunnelledDatabase } from "@hometrip/testkit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knownPlaces } from "./gazetteer.ts";
import { countryAliases } from "./place-aliases.ts";

/**
 * The migrated `search_place_names` carries this package's place data: a name added here without a
 * migration holding `bun run places:sql`'s new output fails these.
 */
describe("search_place_names in the migrated database", () => {
  let database: TunnelledDatabase;
  const namesAt = async (city: string, region: string | null, country: string, lat: number, lng: number) => {
    const { rows } = await database.db.execute<{ names: string }>(
      sql`SELECT search_place_names(${city}, ${region}, ${country}, ${lat}::float8, ${lng}::float8) AS names`,
    );
    return rows[0]?.names ?? "";
  };

  beforeAll(async () => {
    database = await createTunnelledDatabase({ prefix: "core_place_names" });
  });
  afterAll(() => database?.close());

  it("names every known city and neighbourhood at its own position", async () => {
    for (const place of knownPlaces) {
      const names = await namesAt(place.city, place.region, place.country, place.lat, place.lng);
      // A city's own name is in the document already (its city column); the function adds the others.
      const expected = place.kind === "city" ? place.names.filter((n) => n !== place.city) : place.names;
      for (const name of expected) expect(names, `${place.name}: ${name}`).toContain(name);
    }
  });

  it("names countries in English and by their aliases", async () => {
    expect(await namesAt("Anywhere", null, "JP", 0, 0)).toContain("Japan");
    expect(await namesAt("Anywhere", null, "pt", 0, 0)).toContain("Portugal");
    for (const [code, aliases] of Object.entries(countryAliases)) {
      const names = await namesAt("Anywhere", null, code, 0, 0);
      for (const alias of aliases) expect(names, `${code}: ${alias}`).toContain(alias);
    }
  });

  it("adds a neighbourhood only within 2 km of its centre, and only the nearest", async () => {
    const alfama = knownPlaces.find((p) => p.name === "Alfama")!;
    expect(await namesAt("Lisbon", null, "PT", alfama.lat + 0.005, alfama.lng)).toContain("Alfama");
    expect(await namesAt("Lisbon", null, "PT", alfama.lat + 0.03, alfama.lng)).not.toContain("Alfama");
    const between = await namesAt("Lisbon", null, "PT", 38.712, -9.1335);
    expect(between).toContain("Alfama");
    expect(between).not.toContain("Bairro Alto");
  });

  it("gives a city's other names whichever one the host typed", async () => {
    expect(await namesAt("Lisboa", null, "PT", 0, 0)).toContain("Lisbon");
    expect(await namesAt("lisbon", null, "PT", 0, 0)).toContain("Lisboa");
    expect(await namesAt("Somewhere", "Catalunya", "ES", 0, 0)).toContain("Catalonia");
  });
});
