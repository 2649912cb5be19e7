import { describe, expect, it } from "vitest";
import {
  incompleteSteps,
  type ListingForSteps,
  parseStep,
  stepCompletion,
  stepForField,
} from "./listing-steps.ts";

/** What listings.create returns: a draft full of placeholders. */
const draft: ListingForSteps = {
  status: "draft",
  title: "Sunny loft",
  description: "",
  addressLine1: "",
  city: "",
  country: "ZZ",
  lat: 0,
  lng: 0,
  capacity: 1,
  beds: 0,
  nightlyPrice: 0,
  photos: [],
};

const complete: ListingForSteps = {
  ...draft,
  description: "Bright, quiet, two minutes from the tram.",
  addressLine1: "Rua da Rosa 12",
  city: "Lisbon",
  country: "PT",
  lat: 38.71,
  lng: -9.14,
  capacity: 4,
  beds: 2,
  nightlyPrice: 9500,
  photos: [1, 2, 3, 4, 5],
};

describe("stepCompletion", () => {
  it("counts a new draft's placeholders as missing", () => {
    expect(stepCompletion(draft)).toEqual({
      basics: false,
      location: false,
      details: false,
      photos: false,
      pricing: false,
      calendar: true,
      publish: false,
    });
    expect(incompleteSteps(draft)).toEqual(["basics", "location", "details", "photos", "pricing"]);
  });

  it("marks every step done for a complete listing; Publish once it is published", () => {
    expect(incompleteSteps(complete)).toEqual([]);
    expect(stepCompletion(complete).publish).toBe(false);
    expect(stepCompletion({ ...complete, status: "published" }).publish).toBe(true);
  });

  it("needs five photos, a real place and both address and city", () => {
    expect(stepCompletion({ ...complete, photos: [1, 2, 3, 4] }).photos).toBe(false);
    expect(stepCompletion({ ...complete, lat: 0, lng: 0 }).location).toBe(false);
    expect(stepCompletion({ ...complete, lat: 0, lng: 12 }).location).toBe(true);
    expect(stepCompletion({ ...complete, city: "  " }).location).toBe(false);
    expect(stepCompletion({ ...complete, title: "" }).basics).toBe(false);
  });
});

describe("stepForField", () => {
  it("finds the step for the API's issue paths", () => {
    expect(stepForField("description")).toBe("basics");
    expect(stepForField("changes.city")).toBe("location");
    expect(stepForField("location")).toBe("location");
    expect(stepForField("beds")).toBe("details");
    expect(stepForField("photos")).toBe("photos");
    expect(stepForField("changes.weeklyDiscountPercent")).toBe("pricing");
  });

  it("finds the step for human field names", () => {
    expect(stepForField("nightly price")).toBe("pricing");
    expect(stepForField("Weekend price")).toBe("pricing");
    expect(stepForField("street address")).toBe("location");
    expect(stepForField("Photos")).toBe("photos");
    expect(stepForField("something else")).toBe("publish");
  });

  it("parseStep falls back to the first step", () => {
    expect(parseStep("pricing")).toBe("pricing");
    expect(parseStep("nope")).toBe("basics");
    expect(parseStep(null)).toBe("basics");
  });
});
