import { describe, expect, it } from "vitest";
import {
  incompleteSteps,
  type ListingForSteps,
  parseStep,
  stepCompletion,
  stepForField,
} from "./listing-steps.ts";

/** What listings.create returns: a draft whose placeholders the publish check names as missing. */
const draft: ListingForSteps = {
  status: "draft",
  missingForPublish: [
    "description",
    "addressLine1",
    "city",
    "country",
    "location",
    "photos",
    "nightlyPrice",
    "beds",
  ],
  photos: [],
};

const complete: ListingForSteps = { status: "draft", missingForPublish: [], photos: [1, 2, 3, 4, 5] };

describe("stepCompletion", () => {
  it("marks the steps that own what the publish check names as missing", () => {
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
    expect(incompleteSteps({ ...draft, missingForPublish: ["location"] })).toEqual(["location", "photos"]);
    expect(incompleteSteps({ ...complete, missingForPublish: ["capacity"] })).toEqual(["details"]);
  });

  it("marks every step done for a complete listing; Publish once it is published", () => {
    expect(incompleteSteps(complete)).toEqual([]);
    expect(stepCompletion(complete).publish).toBe(false);
    expect(stepCompletion({ ...complete, status: "published" }).publish).toBe(true);
  });

  it("counts photos live, before the listing's check is re-read after an upload", () => {
    expect(stepCompletion({ ...complete, photos: [1, 2, 3, 4] }).photos).toBe(false);
    expect(stepCompletion({ ...draft, photos: [1, 2, 3, 4, 5] }).photos).toBe(true);
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
    expect(stepForField("changes.leadTimeDays")).toBe("pricing");
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
