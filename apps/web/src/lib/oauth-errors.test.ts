import { describe, expect, it } from "vitest";
import { oauthErrorMessage } from "./oauth-errors.ts";

describe("oauthErrorMessage", () => {
  it("explains a known code and never echoes an unknown one", () => {
    expect(oauthErrorMessage("oauth_denied")).toBe("Sign-in was cancelled at the provider.");
    expect(oauthErrorMessage("<script>alert(1)</script>")).toBe(
      "Sign-in did not complete. Please try again.",
    );
    expect(oauthErrorMessage(undefined)).toBeNull();
  });
});
