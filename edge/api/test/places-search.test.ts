import { describe, expect, it } from "vitest";
import { workerAt } from "./clock-support.ts";
import { createTestClient, settle } from "./harness.ts";
import { createDraft, createHost } from "./listings-support.ts";
import { createMember } from "./users-support.ts";

describe("places.search (the location step's address search)", () => {
  it("finds known neighbourhoods and cities for a host, with position and zone", async () => {
    const host = await createHost("places-host");
    const api = createTestClient(host.auth);
    const found = await settle(() => api.places.search.query({ query: "  Alfama " }));
    expect(found.status).toBe(200);
    expect(found.data.places[0]).toMatchObject({
      label: "Alfama, Lisbon, Lisboa, Portugal",
      city: "Lisbon",
      country: "PT",
      lat: 38.7115,
      lng: -9.1305,
      timezone: "Europe/Lisbon",
    });
    const typo = await settle(() => api.places.search.query({ query: "Kyto" }));
    expect(typo.data.places[0]).toMatchObject({ city: "Kyoto", timezone: "Asia/Tokyo" });
    const none = await settle(() => api.places.search.query({ query: "Reykjavik" }));
    expect(none.data).toEqual({ places: [] });
  });

  it("is for hosts only", async () => {
    const guest = await createMember("places-guest");
    const asGuest = await settle(() => createTestClient(guest.auth).places.search.query({ query: "Lisbon" }));
    expect(asGuest.status).toBe(403);
    const anonymous = await settle(() => createTestClient().places.search.query({ query: "Lisbon" }));
    expect(anonymous.status).toBe(401);
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
      const refused = await settle(() => createTestClient(host.auth).places.search.query({ query }));
      expect(refused.status, JSON.stringify(query)).toBe(400);
      expect(refused.error?.issues).toEqual([
        expect.objectContaining({ path: "query", message: expect.stringContaining(message) }),
      ]);
    }
  });

  it("limits each host to 30 searches a minute", async () => {
    const host = await createHost("places-limit");
    // A Worker whose clock stands still, so the 31 calls fall in one rate-limit slot.
    const api = workerAt().client(host.auth);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await settle(() => api.places.search.query({ query: "Gion" }))).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe("listings.update and the listing's zone", () => {
  it("sets the zone from a new position unless the host sends one, and refuses an empty city", async () => {
    const host = await createHost("places-zone");
    const draft = await createDraft(host, "Machiya near Gion");
    expect(draft.timezone).toBe("UTC");
    const api = createTestClient(host.auth);
    const moved = await settle(() =>
      api.listings.update.mutate({
        id: draft.id,
        changes: { city: "Kyoto", country: "JP", lat: 35.0037, lng: 135.7788 },
      }),
    );
    expect(moved.status).toBe(200);
    expect(moved.data.timezone).toBe("Asia/Tokyo");

    const farAway = await settle(() =>
      api.listings.update.mutate({ id: draft.id, changes: { lat: -33.8688, lng: 151.2093 } }),
    );
    expect(farAway.data.timezone).toBe("Australia/Sydney");

    const chosen = await settle(() =>
      api.listings.update.mutate({
        id: draft.id,
        changes: { lat: 35.0037, lng: 135.7788, timezone: "Asia/Seoul" },
      }),
    );
    expect(chosen.data.timezone).toBe("Asia/Seoul");

    const emptyCity = await settle(() =>
      api.listings.update.mutate({ id: draft.id, changes: { city: "  " } }),
    );
    expect(emptyCity.status).toBe(400);
    expect(emptyCity.error?.issues).toEqual([{ path: "changes.city", message: "Enter the city" }]);
    const stored = await settle(() => api.listings.get.query({ id: draft.id }));
    expect(stored.data.city).toBe("Kyoto");
  });
});
