import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./forms.ts";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/account/security?tab=2fa")).toBe("/account/security?tab=2fa");
  });

  it("refuses other origins, protocol-relative and backslash tricks", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      expect(safeReturnPath(bad)).toBe("/account");
    }
    expect(safeReturnPath(null, "/")).toBe("/");
  });
});
