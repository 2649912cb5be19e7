import { describe, expect, it } from "vitest";
import { eventCatalog, eventTypes } from "./catalog.ts";
import { parseEventEnvelope } from "./envelope.ts";

const ping = {
  id: "6f1c1c3e-8a51-4c4e-9a57-1b8f2f0d9a11",
  type: "system.pinged",
  version: 1,
  occurredAt: "2026-05-01T10:00:00.000Z",
  payload: { note: "hello", requestedBy: "operator" },
};

describe("parseEventEnvelope", () => {
  it("accepts a catalogued event and narrows the payload by type", () => {
    const result = parseEventEnvelope(ping);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event.type).toBe("system.pinged");
    if (result.event.type === "system.pinged") {
      expect(result.event.payload.requestedBy).toBe("operator");
    }
  });

  it("applies the payload schema (trims the note)", () => {
    const result = parseEventEnvelope({ ...ping, payload: { note: "  spaced  ", requestedBy: "op" } });
    expect(result.ok && result.event.type === "system.pinged" && result.event.payload.note).toBe("spaced");
  });

  it("accepts an occurredAt with a UTC offset as Postgres renders it", () => {
    expect(parseEventEnvelope({ ...ping, occurredAt: "2026-05-01T12:00:00.000+02:00" }).ok).toBe(true);
  });

  it.each([
    ["not an object", "ping"],
    ["a non-uuid id", { ...ping, id: "42" }],
    ["a missing type", { ...ping, type: undefined }],
    ["a fractional version", { ...ping, version: 1.5 }],
    ["a date that is not ISO", { ...ping, occurredAt: "yesterday" }],
  ])("reports a malformed envelope for %s", (_label, input) => {
    const result = parseEventEnvelope(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("malformed_envelope");
  });

  it("names the missing field of a malformed envelope", () => {
    const { id: _id, ...withoutId } = ping;
    const result = parseEventEnvelope(withoutId);
    expect(!result.ok && result.error.kind === "malformed_envelope" && result.error.issues).toEqual([
      expect.objectContaining({ path: "id" }),
    ]);
  });

  it("distinguishes an unknown type from a bad payload", () => {
    const result = parseEventEnvelope({ ...ping, type: "system.exploded" });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: "unknown_type", type: "system.exploded", version: 1 }),
    });
  });

  it("does not treat inherited object keys as event types", () => {
    const result = parseEventEnvelope({ ...ping, type: "toString" });
    expect(!result.ok && result.error.kind).toBe("unknown_type");
  });

  it("rejects a version the catalog does not know and says which it expects", () => {
    const result = parseEventEnvelope({ ...ping, version: 2 });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: "unknown_version", version: 2, expected: 1 }),
    });
  });

  it("reports payload problems with field paths", () => {
    const result = parseEventEnvelope({ ...ping, payload: { note: "" } });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== "invalid_payload") throw new Error("expected invalid_payload");
    expect(result.error.issues.map((i) => i.path).sort()).toEqual(["note", "requestedBy"]);
  });
});

describe("eventCatalog", () => {
  it("names every event <domain>.<verb> with a positive integer version", () => {
    for (const type of eventTypes) {
      expect(type).toMatch(/^[a-z]+(\.[a-z][a-z_]*)+$/);
      const { version } = eventCatalog[type];
      expect(Number.isInteger(version) && version > 0).toBe(true);
    }
  });
});
