import { describe, expect, it } from "vitest";
import { createDraft, createHost, type ListingBody, trpcGet, trpcPost } from "./listings-support.ts";
import { createMember } from "./users-support.ts";

type Places = {
  places: { label: string; city: string; country: string; lat: number; lng: number; timezone: string }[];
};

describe("places.search (the location step's address search)", () => {
  it("finds known neighbourhoods and cities for a host, with position and zone", async () => {
    const host = await createHost("places-host");
    const found = await trpcGet<Places>("places.search", { query: "  Alfama " }, host.auth);
    expect(found.status).toBe(200);
    expect(found.data.places[0]).toMatchObject({
      label: "Alfama, Lisbon, Lisboa, Portugal",
      city: "Lisbon",
      country: "PT",
      lat: 38.7115,
      lng: -9.1305,
      timezone: "Europe/Lisbon",
    });
    const typo = await trpcGet<Places>("places.search", { query: "Kyto" }, host.auth);
    expect(typo.data.places[0]).toMatchObject({ city: "Kyoto", timezone: "Asia/Tokyo" });
    expect((await trpcGet<Places>("places.search", { query: "Reykjavik" }, host.auth)).data).toEqual({
      places: [],
    });
  });

  it("is for hosts only", async () => {
    const guest = await createMember("places-guest");
    expect((await trpcGet("places.search", { query: "Lisbon" }, guest.auth)).status).toBe(403);
    expect((await trpcGet("places.search", { query: "Lisbon" })).status).toBe(401);
  });

  it("refuses a query too short, too long or with control characters, with a clear message", async () => {
    const host = await createHost("places-bounds");
    for (const [query, message] of [
      ["L", "at least 2"],
      [" x ", "at least 2"],
      ["L".repeat(101), "at most 100"],
      ["Lis\u0000bon", "control characters"],
      ["Lis\nbon", "control characters"],
    ] as const) {
      const refused = await trpcGet("places.search", { query: `${query}` }, host.auth);
      expect(refused.status, JSON.stringify(query)).toBe(400);
      expect(refused.error?.data.issues).toEqual([
        expect.objectContaining({ path: "query", message: expect.stringContaining(message) }),
      ]);
    }
  });

  it("limits each host to 30 searches a minute", async () => {
    const host = await createHost("places-limit");
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await trpcGet("places.search", { query: "Gion" }, host.auth)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe("listings.update and the listing's zone", () => {
  it("sets the zone from a new position unless the host sends one, and refuses an empty city", async () => {
    const host = await createHost("places-zone");
    const draft = await createDraft(host, "Machiya near Gion");
    expect(draft.timezone).toBe("UTC");
    const moved = await trpcPost<ListingBody>(
      "listings.update",
      { id: draft.id, changes: { city: "Kyoto", country: "JP", lat: 35.0037, lng: 135.7788 } },
      host.auth,
    );
    expect(moved.status).toBe(200);
    expect(moved.data.timezone).toBe("Asia/Tokyo");

    const farAway = await trpcPost<ListingBody>(
      "listings.update",
      { id: draft.id, changes: { lat: -33.8688, lng: 151.2093 } },
      host.auth,
    );
    expect(farAway.data.timezone).toBe("Australia/Sydney");

    const chosen = await trpcPost<ListingBody>(
      "listings.update",
      { id: draft.id, changes: { lat: 35.0037, lng: 135.7788, timezone: "Asia/Seoul" } },
      host.auth,
    );
    expect(chosen.data.timezone).toBe("Asia/Seoul");

    const emptyCity = await trpcPost<ListingBody>(
      "listings.update",
      { id: draft.id, changes: { city: "  " } },
      host.auth,
    );
    expect(emptyCity.status).toBe(400);
    expect(emptyCity.error?.data.issues).toEqual([{ path: "changes.city", message: "Enter the city" }]);
    expect((await trpcGet<ListingBody>("listings.get", { id: draft.id }, host.auth)).data.city).toBe("Kyoto");
  });
});
