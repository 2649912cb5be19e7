import { describe, expect, it } from "vitest";
import {
  isTimeZone,
  listingFormErrors,
  parseBaths,
  parseCoordinate,
  parseWholeNumber,
  publishIssuesOf,
} from "./listing-form.ts";

const badRequest = (issues: { path: string; message: string }[]) => ({
  message: "Invalid input",
  data: { code: "BAD_REQUEST", issues },
});

describe("listingFormErrors", () => {
  it("puts listings.update's changes.* issues on the step's fields", () => {
    const errors = listingFormErrors(
      badRequest([
        { path: "changes.country", message: "Use an ISO 3166-1 alpha-2 code" },
        { path: "changes.lat", message: "Too big: expected number to be <=90" },
      ]),
      { country: "Country", lat: "Latitude" },
    );
    expect(errors.fields).toEqual({
      country: "Use an ISO 3166-1 alpha-2 code.",
      lat: "Latitude must be at most 90.",
    });
    expect(errors.form).toBeNull();
  });

  it("keeps other steps' issues as the form message", () => {
    const errors = listingFormErrors(
      badRequest([
        { path: "changes.maxNights", message: "Must be at least the minimum nights" },
        { path: "photos", message: "Add at least 5 photos (2 so far)" },
      ]),
      { maxNights: "Maximum nights" },
    );
    expect(errors.fields.maxNights).toBe("Must be at least the minimum nights.");
    expect(errors.form).toBe("Add at least 5 photos (2 so far).");
  });

  it("turns other failures into one form message", () => {
    const errors = listingFormErrors(
      { message: "No such listing", data: { code: "NOT_FOUND" } },
      { title: "Title" },
    );
    expect(errors).toEqual({ fields: {}, form: "No such listing." });
  });
});

describe("publishIssuesOf", () => {
  it("lists what the publish check named", () => {
    expect(
      publishIssuesOf(
        badRequest([
          { path: "description", message: "Add a description" },
          { path: "photos", message: "Add at least 5 photos (0 so far)" },
        ]),
      ),
    ).toEqual([
      { path: "description", message: "Add a description" },
      { path: "photos", message: "Add at least 5 photos (0 so far)" },
    ]);
  });
});

describe("number fields", () => {
  it("parses whole numbers within bounds", () => {
    expect(parseWholeNumber("4", 1, 50)).toEqual({ ok: true, value: 4 });
    expect(parseWholeNumber("0", 1, 50)).toEqual({ ok: false, message: "Must be at least 1." });
    expect(parseWholeNumber("2.5", 0, 50).ok).toBe(false);
    expect(parseWholeNumber("", 0, 50).ok).toBe(false);
  });

  it("takes baths in halves", () => {
    expect(parseBaths("1.5")).toEqual({ ok: true, value: 1.5 });
    expect(parseBaths("2,5")).toEqual({ ok: true, value: 2.5 });
    expect(parseBaths("1.25").ok).toBe(false);
  });

  it("reads coordinates in decimal degrees", () => {
    expect(parseCoordinate("38.7223", 90)).toEqual({ ok: true, value: 38.7223 });
    expect(parseCoordinate("-9,1393", 180)).toEqual({ ok: true, value: -9.1393 });
    expect(parseCoordinate("91", 90).ok).toBe(false);
    expect(parseCoordinate("north", 90).ok).toBe(false);
  });
});

describe("isTimeZone", () => {
  it("knows IANA zones and refuses made-up ones", () => {
    expect(isTimeZone("Europe/Lisbon")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
    expect(isTimeZone(" ")).toBe(false);
  });
});
