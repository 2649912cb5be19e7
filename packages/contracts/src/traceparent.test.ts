import { describe, expect, it } from "vitest";
import { continueTrace, newTraceparent, parseTraceparent } from "./traceparent.ts";

const valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("traceparent", () => {
  it("parses a valid header", () => {
    expect(parseTraceparent(valid)).toEqual({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      parentSpanId: "00f067aa0ba902b7",
      sampled: true,
    });
  });

  it.each([
    ["empty", ""],
    ["upper case", valid.toUpperCase()],
    ["zero trace id", `00-${"0".repeat(32)}-00f067aa0ba902b7-01`],
    ["zero span id", `00-4bf92f3577b34da6a3ce929d0e0e4736-${"0".repeat(16)}-01`],
    ["version ff", valid.replace(/^00/, "ff")],
    ["extra field on version 00", `${valid}-extra`],
    ["short trace id", "00-4bf92f35-00f067aa0ba902b7-01"],
  ])("refuses %s", (_, header) => {
    expect(parseTraceparent(header)).toBeNull();
  });

  it("continues a trace with a new span whose parent is the caller's", () => {
    const hop = continueTrace(valid);
    expect(hop.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(hop.parentSpanId).toBe("00f067aa0ba902b7");
    expect(hop.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(hop.spanId).not.toBe("00f067aa0ba902b7");
    expect(hop.traceparent).toBe(`00-${hop.traceId}-${hop.spanId}-01`);
    expect(continueTrace(valid.replace(/01$/, "00")).traceparent.endsWith("-00")).toBe(true);
  });

  it("starts a new sampled trace when the header is missing or malformed", () => {
    const fresh = continueTrace("garbage");
    expect(fresh.parentSpanId).toBeNull();
    expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(fresh.traceId.includes(fresh.spanId)).toBe(false);
    expect(parseTraceparent(fresh.traceparent)?.traceId).toBe(fresh.traceId);
    expect(newTraceparent()).not.toBe(newTraceparent());
  });
});
