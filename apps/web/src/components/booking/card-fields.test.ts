import { describe, expect, it } from "vitest";
import { parseCard, spacedCardNumber } from "./card-fields.ts";

const today = new Date(Date.UTC(2031, 4, 10));

describe("card form", () => {
  it("accepts a well-formed card", () => {
    expect(parseCard({ number: "4242 4242 4242 4242", expiry: "05/31", cvc: "123" }, today)).toEqual({
      card: { number: "4242424242424242", expMonth: 5, expYear: 2031, cvc: "123" },
    });
  });

  it("names each field that is wrong", () => {
    const parsed = parseCard({ number: "4242", expiry: "04/31", cvc: "12" }, today);
    expect(parsed).toEqual({
      errors: {
        number: "Enter the card number (12 to 19 digits).",
        expiry: "This card has expired.",
        cvc: "Enter the 3 or 4 digit security code.",
      },
    });
    expect(parseCard({ number: "4242424242424242", expiry: "13/40", cvc: "123" }, today)).toMatchObject({
      errors: { expiry: "Enter the expiry date as MM/YY." },
    });
  });

  it("spaces the number in fours", () => {
    expect(spacedCardNumber("4000002500003155")).toBe("4000 0025 0000 3155");
    expect(spacedCardNumber("4242-42")).toBe("4242 42");
  });
});
