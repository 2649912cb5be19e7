import type { EventEnvelope } from "@hometrip/contracts";
import { silentLogger } from "@hometrip/core";
import type { SearchIndex } from "@hometrip/search";
import { describe, expect, it } from "vitest";
import { createEventHandlers } from "../index.ts";
import type { EventContext } from "../types.ts";

function recordingIndex(name: SearchIndex["name"]) {
  const upserts: string[][] = [];
  const index: SearchIndex = {
    name,
    async upsert(ids) {
      upserts.push([...ids]);
    },
    async remove() {},
    async search() {
      throw new Error("not used");
    },
  };
  return { index, upserts };
}

const listingIds = ["4d6c4c3e-1c55-4c0b-9d4e-2a9f7b1d0c11", "9a1f2e3d-4c5b-4a69-8877-665544332211"];
const event = {
  id: "0b5f9a52-3c1e-4d7a-9b8e-1f2a3b4c5d6e",
  type: "listing.changed",
  version: 1,
  occurredAt: new Date().toISOString(),
  payload: { listingIds, cause: "calendar" },
} as EventEnvelope;

const context = {
  tx: undefined,
  event,
  log: silentLogger,
  now: new Date(),
} as unknown as EventContext<"listing.changed">;

describe("listing.changed", () => {
  it("refreshes the listings in an external search index", async () => {
    const { index, upserts } = recordingIndex("typesense");
    await createEventHandlers({ search: index })["listing.changed"](context);
    expect(upserts).toEqual([listingIds]);
  });

  it("has nothing to do when search reads Postgres live", async () => {
    const { index, upserts } = recordingIndex("postgres");
    await createEventHandlers({ search: index })["listing.changed"](context);
    await createEventHandlers()["listing.changed"](context);
    expect(upserts).toEqual([]);
  });
});
