import { describe, expect, it } from "vitest";
import { linksIn } from "./mail-links.ts";

describe("linksIn", () => {
  it("finds each link once and drops sentence punctuation", () => {
    const text =
      "Confirm: http://localhost:3000/verify-email?token=abc_DEF-1.\nOr paste http://localhost:3000/verify-email?token=abc_DEF-1 (same).";
    expect(linksIn(text)).toEqual(["http://localhost:3000/verify-email?token=abc_DEF-1"]);
  });

  it("returns nothing for text without links", () => {
    expect(linksIn("Hello there")).toEqual([]);
  });
});
