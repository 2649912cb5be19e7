import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordPolicyIssue } from "./password-policy.ts";

describe("password policy", () => {
  it("accepts 12 to 128 characters of anything, with no composition rules", () => {
    for (const ok of [
      "all lower case words",
      "ÜNÏCØDÉ-ПАРОЛЬ-密码",
      `${"a".repeat(5)}${"b".repeat(7)}`,
      `${"x".repeat(127)}y`,
    ]) {
      expect(passwordPolicyIssue(ok)).toBeNull();
    }
  });

  it("counts characters, not UTF-16 units", () => {
    expect(passwordPolicyIssue("😀".repeat(11))).toMatch(/at least 12/);
    expect(passwordPolicyIssue("😀".repeat(12))).toBeNull();
  });

  it("refuses short, long, common and self-describing passwords", () => {
    expect(passwordPolicyIssue("short")).toMatch(/at least 12/);
    expect(passwordPolicyIssue("y".repeat(129))).toMatch(/at most 128/);
    expect(passwordPolicyIssue("Password1234")).toMatch(/too common/);
    expect(passwordPolicyIssue("qwerty123456!!")).toMatch(/too common/);
    expect(passwordPolicyIssue("aaaaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordPolicyIssue("12345678901234")).toMatch(/too common/);
    expect(passwordPolicyIssue("ada.lovelace@example.com", { email: "Ada.Lovelace@example.com" })).toMatch(
      /email/,
    );
    expect(passwordPolicyIssue("Ada Lovelace Byron", { displayName: "ada lovelace byron" })).toMatch(/name/);
  });

  it("does not mistake a long phrase containing a common word for a common password", () => {
    expect(isCommonPassword("my password is long and mine")).toBe(false);
  });
});
