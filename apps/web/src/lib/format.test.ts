import { describe, expect, it } from "vitest";
import { describeDevice } from "./format.ts";

describe("describeDevice", () => {
  it("names browser and system", () => {
    const chromeLinux =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
    expect(describeDevice(chromeLinux)).toBe("Chrome on Linux");
    const safariIphone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
    expect(describeDevice(safariIphone)).toBe("Safari on iOS");
  });

  it("says so when there is nothing to go on", () => {
    expect(describeDevice(null)).toBe("Unknown device");
    expect(describeDevice("curl/8.5.0")).toBe("An app");
  });
});
