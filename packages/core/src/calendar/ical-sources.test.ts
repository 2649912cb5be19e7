import { describe, expect, it } from "vitest";
import { blockOrigin, icalFeedHost } from "./ical-sources.ts";
import { icalFeedKey, icalNotePrefix } from "./ical-sync.ts";

describe("icalFeedHost", () => {
  it("names a feed by its host, without www., path or query", () => {
    expect(icalFeedHost("https://www.airbnb.com/calendar/ical/4411.ics?s=secret")).toBe("airbnb.com");
    expect(icalFeedHost("http://127.0.0.1:8080/feed.ics")).toBe("127.0.0.1");
    expect(icalFeedHost("not a url")).toBeNull();
  });
});

describe("blockOrigin", () => {
  const url = "https://www.airbnb.com/calendar/ical/4411.ics?s=secret";

  it("tells a feed's block by its note's key, and hides the raw note", async () => {
    const key = await icalFeedKey(url);
    const feeds = new Map([[key, { id: "feed-1", url }]]);
    expect(blockOrigin(`${icalNotePrefix(key)}12345@airbnb.com`, feeds)).toEqual({
      source: { kind: "import", importId: "feed-1", feedHost: "airbnb.com" },
      note: null,
    });
    expect(blockOrigin("[ical:0123456789ab] gone@other", feeds)).toEqual({
      source: { kind: "import", importId: null, feedHost: null },
      note: null,
    });
  });

  it("keeps a manual block's own note, empty or not", () => {
    expect(blockOrigin("Family visiting", new Map())).toEqual({
      source: { kind: "manual" },
      note: "Family visiting",
    });
    expect(blockOrigin(null, new Map())).toEqual({ source: { kind: "manual" }, note: null });
    expect(blockOrigin("[ical:] not a key", new Map())).toMatchObject({ source: { kind: "manual" } });
  });
});
