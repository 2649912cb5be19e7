import { describe, expect, it } from "vitest";
import { maskContactDetails, maskingExplanation } from "./mask-contact-details.ts";

const hiddenIn = (body: string) => maskContactDetails(body);

describe("maskContactDetails: e-mail addresses", () => {
  it.each([
    ["write to anna.maria+trip@gmail.com please", "write to [email hidden] please"],
    ["ANNA@Example.CO.UK", "[email hidden]"],
    ["anna at gmail dot com", "[email hidden]"],
    ["anna (at) gmail (dot) com", "[email hidden]"],
    ["anna [at] web [dot] de!", "[email hidden]!"],
    ["anna @ gmail . com", "[email hidden]"],
    ["josé@correo.es", "[email hidden]"],
  ])("%s", (body, expected) => {
    expect(hiddenIn(body)).toEqual({ body: expected, hidden: ["email"] });
  });

  it("leaves 'at' in ordinary sentences alone", () => {
    for (const body of [
      "We arrive at 3pm, see you at the door.",
      "Check-in is at noon dot on time",
      "Meet at the station near the harbour.",
    ]) {
      expect(hiddenIn(body)).toEqual({ body, hidden: [] });
    }
  });
});

describe("maskContactDetails: phone numbers", () => {
  it.each([
    "+44 20 7946 0958",
    "+1 (555) 123-4567",
    "(555) 123-4567",
    "0044 20 7946 0958",
    "+33 6 12 34 56 78",
    "06.12.34.56.78",
    "+49 30 1234567",
    "030 12345678",
    "+351 912 345 678",
    "+81-3-1234-5678",
    "+91 98765 43210",
    "+55 11 91234-5678",
    "07911 123456",
    "0 7 9 1 1 1 2 3 4 5 6",
  ])("%s", (phone) => {
    expect(hiddenIn(`Call me on ${phone} tomorrow`)).toEqual({
      body: "Call me on [phone number hidden] tomorrow",
      hidden: ["phone"],
    });
  });

  it("catches digits spelled out", () => {
    const result = hiddenIn("my number is five five five one two three four, thanks");
    expect(result.hidden).toEqual(["phone"]);
    expect(result.body).not.toMatch(/five/);
  });

  it.each([
    "The total is €1,200.50 for the week.",
    "That comes to $ 2450 or 1 200 000 euros for the house",
    "We arrive 2026-12-24 and leave 2026-12-31.",
    "From 24.12.2026 until 02.01.2027",
    "Dates: 24.12.-28.12.2026",
    "Dates 12/24/26 to 12/31/26",
    "Check-in 15.00-20.00, check-out 10:00",
    "Season 2025-2026 is fully booked",
    "Flat 12, door code 1234, 4 guests, 3 nights",
    "We are 2 adults and 3 kids, booking ref 123456",
    "It costs 1.200.000 pesos",
    "EUR 1 250 000",
  ])("no false positive: %s", (body) => {
    expect(hiddenIn(body)).toEqual({ body, hidden: [] });
  });
});

describe("maskContactDetails: links", () => {
  it.each([
    ["see https://example.com/villa?id=3", "see [link hidden]"],
    ["see http://x.io", "see [link hidden]"],
    ["book on www.villa-rosa.it instead", "book on [link hidden] instead"],
    ["book on villa-rosa.com/book instead", "book on [link hidden] instead"],
    ["airbnb.co.uk has it", "[link hidden] has it"],
  ])("%s", (body, expected) => {
    expect(hiddenIn(body)).toEqual({ body: expected, hidden: ["link"] });
  });

  it("leaves a missing space after a full stop alone", () => {
    for (const body of [
      "It was great.it was lovely",
      "See you soon.me and my wife",
      "e.g. towels, i.e. linen",
    ]) {
      expect(hiddenIn(body)).toEqual({ body, hidden: [] });
    }
  });
});

describe("maskContactDetails: mixed and untouched", () => {
  it("reports every kind it hid, each once", () => {
    const result = hiddenIn("mail a@b.com or c@d.org, call +44 20 7946 0958, or see https://x.com");
    expect(result.body).toBe(
      "mail [email hidden] or [email hidden], call [phone number hidden], or see [link hidden]",
    );
    expect(result.hidden.sort()).toEqual(["email", "link", "phone"]);
  });

  it("returns an ordinary message exactly as written", () => {
    const body = "Hi! Is the flat suitable for a baby?\nWe'd need a cot. Thanks 🙂";
    expect(hiddenIn(body)).toEqual({ body, hidden: [] });
  });
});

describe("maskingExplanation", () => {
  it("names what was hidden and why", () => {
    expect(maskingExplanation([])).toBeNull();
    expect(maskingExplanation(["phone"])).toMatch(/^We hid phone numbers in your message\. .*confirmed/);
    expect(maskingExplanation(["email", "phone", "link"])).toMatch(
      /e-mail addresses, phone numbers and links/,
    );
  });
});
