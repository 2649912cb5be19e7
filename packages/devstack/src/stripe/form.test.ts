import { describe, expect, it } from "vitest";
import { canonicalParams, parseForm } from "./form.ts";

describe("Stripe form bodies", () => {
  it("nests bracketed keys and turns indexed or empty brackets into arrays", () => {
    expect(
      parseForm(
        "amount=100&metadata[bookingId]=b%201&expand[0]=latest_charge&expand[1]=customer&tags[]=a&tags[]=b",
      ),
    ).toEqual({
      amount: "100",
      metadata: { bookingId: "b 1" },
      expand: ["latest_charge", "customer"],
      tags: ["a", "b"],
    });
    expect(parseForm("capabilities[transfers][requested]=true")).toEqual({
      capabilities: { transfers: { requested: "true" } },
    });
  });

  it("ignores malformed keys rather than guessing", () => {
    expect(parseForm("a]b=1&[x]=2&ok=3")).toEqual({ ok: "3" });
  });

  it("compares parameter sets regardless of key order", () => {
    expect(canonicalParams(parseForm("a=1&m[x]=2&m[y]=3"))).toBe(
      canonicalParams(parseForm("m[y]=3&a=1&m[x]=2")),
    );
    expect(canonicalParams(parseForm("a=1"))).not.toBe(canonicalParams(parseForm("a=2")));
  });
});
