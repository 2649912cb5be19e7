import { describe, expect, it } from "vitest";
import { feedDisplayUrl } from "./feed-display-url.ts";

describe("feedDisplayUrl", () => {
  it("hides the secret in the query and keeps what tells feeds apart", () => {
    expect(
      feedDisplayUrl("https://www.airbnb.com/calendar/ical/12345678.ics?s=0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
    ).toBe("https://www.airbnb.com/calendar/ical/12345678.ics?s=…");
    expect(
      feedDisplayUrl("https://admin.booking.com/hotel/hoteladmin/ical.html?t=7f3c9e&t=again&lang=en"),
    ).toBe("https://admin.booking.com/hotel/hoteladmin/ical.html?t=…&lang=…");
  });

  it("shortens a token carried as a path segment, keeping its extension", () => {
    expect(feedDisplayUrl("http://www.vrbo.com/icalendar/a1b2c3d4e5f6a7b8c9d0e1f2.ics")).toBe(
      "http://www.vrbo.com/icalendar/a1b2….ics",
    );
    expect(feedDisplayUrl("https://calendar.example.com/feeds/Xk29_pQ-77aa11bb22cc/basic")).toBe(
      "https://calendar.example.com/feeds/Xk29…/basic",
    );
  });

  it("drops credentials in the address and leaves ordinary addresses as they are", () => {
    expect(feedDisplayUrl("https://owner:hunter2@cal.example.com/home.ics")).toBe(
      "https://cal.example.com/home.ics",
    );
    expect(feedDisplayUrl("http://127.0.0.1:4321/other-platform/loft.ics")).toBe(
      "http://127.0.0.1:4321/other-platform/loft.ics",
    );
    expect(feedDisplayUrl("not a url")).toBe("not a url");
  });
});
