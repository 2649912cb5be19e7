import { describe, expect, it } from "vitest";
import { withoutIcalToken } from "./calendar.ts";

describe("withoutIcalToken", () => {
  it("hides an iCal feed's token and leaves other paths alone", () => {
    const id = "7d3c8a3e-5b0e-4f0e-9a44-0c1f2b3d4e5f";
    expect(withoutIcalToken(`/ical/${id}/s3cr3tT0ken.ics`)).toBe(`/ical/${id}/[token].ics`);
    expect(withoutIcalToken("/ical//x")).toBe("/ical//[token].ics");
    expect(withoutIcalToken("/listings/abc/photos")).toBe("/listings/abc/photos");
    expect(withoutIcalToken("/trpc/calendar.icalExportUrl")).toBe("/trpc/calendar.icalExportUrl");
  });
});
