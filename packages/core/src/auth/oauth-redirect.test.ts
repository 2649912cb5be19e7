import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./oauth-redirect.ts";

describe("safeRedirectPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirectPath("/account/settings?tab=security#2fa")).toBe("/account/settings?tab=security#2fa");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it("normalises dot segments without leaving the origin", () => {
    expect(safeRedirectPath("/a/../b")).toBe("/b");
    expect(safeRedirectPath("/../../etc")).toBe("/etc");
  });

  it.each([
    ["absolute URL", "https://evil.test/steal"],
    ["scheme-relative URL", "//evil.test/steal"],
    ["backslash that browsers read as a slash", "/\\evil.test"],
    ["javascript URL", "javascript:alert(1)"],
    ["relative path", "account"],
    ["tab inside the slashes", "/\t/evil.test"],
    ["newline", "/account\n"],
    ["empty", ""],
    ["missing", undefined],
    ["too long", `/${"a".repeat(3000)}`],
  ])("refuses a %s, falling back to /", (_, raw) => {
    expect(safeRedirectPath(raw)).toBe("/");
  });
});
