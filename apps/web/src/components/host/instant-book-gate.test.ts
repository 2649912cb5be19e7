import { describe, expect, it } from "vitest";
import { instantBookGate } from "./instant-book-gate.ts";

describe("instantBookGate", () => {
  it("is open whenever payouts are on, or unknown", () => {
    for (const status of ["draft", "published", "unlisted"] as const) {
      for (const instantBook of [true, false]) {
        expect(instantBookGate({ status, instantBook }, true)).toBe("open");
        expect(instantBookGate({ status, instantBook }, null)).toBe("open");
      }
    }
  });

  it("without payouts, blocks publishing an instant-book listing, draft or unlisted", () => {
    expect(instantBookGate({ status: "draft", instantBook: true }, false)).toBe("blocks-publish");
    expect(instantBookGate({ status: "unlisted", instantBook: true }, false)).toBe("blocks-publish");
    expect(instantBookGate({ status: "draft", instantBook: false }, false)).toBe("needed-to-publish");
  });

  it("without payouts, a published listing cannot switch it on, and one that has it takes requests", () => {
    expect(instantBookGate({ status: "published", instantBook: false }, false)).toBe("cannot-switch-on");
    expect(instantBookGate({ status: "published", instantBook: true }, false)).toBe("requests-meanwhile");
  });
});
