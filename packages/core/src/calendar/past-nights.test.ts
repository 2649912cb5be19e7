import { AppError } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import { refusePastNights } from "./past-nights.ts";

// 20:00 UTC on 15 June: already the 16th on Kiritimati (UTC+14), still the 15th in Pago Pago (UTC-11).
const evening = new Date("2030-06-15T20:00:00Z");
// 05:00 UTC on 16 June: still the 15th in Pago Pago.
const earlyMorning = new Date("2030-06-16T05:00:00Z");

function refusal(change: () => void): AppError | null {
  try {
    change();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("refusePastNights", () => {
  const kiritimati = { timezone: "Pacific/Kiritimati" };

  it("refuses a range starting before the listing's today, naming the first night allowed", () => {
    expect(refusal(() => refusePastNights("2030-06-15", kiritimati, evening, "priced"))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Nights before 2030-06-16 are in the past and cannot be priced",
    });
    expect(refusal(() => refusePastNights("2030-06-01", kiritimati, evening, "blocked"))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Nights before 2030-06-16 are in the past and cannot be blocked",
    });
  });

  it("accepts a range starting today in the listing's zone, whatever UTC's date", () => {
    expect(() => refusePastNights("2030-06-16", kiritimati, evening, "priced")).not.toThrow();
    // UTC has moved on to the 16th; in Pago Pago the 15th is still tonight.
    expect(() =>
      refusePastNights("2030-06-15", { timezone: "Pacific/Pago_Pago" }, earlyMorning, "blocked"),
    ).not.toThrow();
    expect(() =>
      refusePastNights("2030-06-14", { timezone: "Pacific/Pago_Pago" }, earlyMorning, "blocked"),
    ).toThrow("Nights before 2030-06-15");
  });
});
