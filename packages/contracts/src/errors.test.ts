import { describe, expect, it } from "vitest";
import { AppError, errorCodes, errorStatus, isErrorCode } from "./errors.ts";

describe("errors", () => {
  it("maps every code to an HTTP error status", () => {
    for (const code of errorCodes) {
      expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
    }
    expect(errorStatus.TOO_MANY_REQUESTS).toBe(429);
    expect(errorStatus.UNAVAILABLE).toBe(503);
  });

  it("carries code, status and details, and serialises without the stack", () => {
    const error = new AppError("CONFLICT", "Dates are taken", { details: { listingId: "l1" } });
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(409);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: "CONFLICT",
      message: "Dates are taken",
      details: { listingId: "l1" },
    });
  });

  it("recognises only codes of the set", () => {
    expect(isErrorCode("NOT_FOUND")).toBe(true);
    expect(isErrorCode("TEAPOT")).toBe(false);
  });
});
