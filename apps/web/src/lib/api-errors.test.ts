import { describe, expect, it } from "vitest";
import { apiErrorCode, errorMessage, formErrorsFrom } from "./api-errors.ts";

/** The shape TRPCClientError has when the API rejects input (see edge/api/src/trpc-errors.ts). */
function apiError(code: string, message: string, issues?: { path: string; message: string }[]) {
  return Object.assign(new Error(message), { data: { code, httpStatus: 400, issues } });
}

describe("formErrorsFrom", () => {
  it("puts each field's first issue on that field and leaves the form message empty", () => {
    const error = apiError("BAD_REQUEST", "Invalid input", [
      { path: "email", message: "Invalid email address" },
      { path: "password", message: "Too small: expected string to have >=12 characters" },
      { path: "password", message: "Must contain a letter" },
    ]);
    const fields = { email: "Email", password: "Password", displayName: "Name" };
    expect(formErrorsFrom(error, fields)).toEqual({
      fields: { email: "Enter a valid email address.", password: "Password must be at least 12 characters." },
      form: null,
    });
  });

  it("reads the API's field-relative wording as a sentence about the field", () => {
    const error = apiError("BAD_REQUEST", "Invalid input", [
      { path: "password", message: "is too common; choose something harder to guess" },
      { path: "displayName", message: "is required" },
      { path: "phone", message: "must be an international number like +4930123456" },
    ]);
    expect(
      formErrorsFrom(error, { password: "Password", displayName: "Name", phone: "Phone" }).fields,
    ).toEqual({
      password: "Password is too common; choose something harder to guess.",
      displayName: "Name is required.",
      phone: "Phone must be an international number like +4930123456.",
    });
  });

  it("words zod's own messages as plain sentences about the field, never as raw validator text", () => {
    const error = apiError("BAD_REQUEST", "Invalid input", [
      { path: "displayName", message: "Too small: expected string to have >=1 characters" },
      { path: "bio", message: "Too big: expected string to have <=500 characters" },
      { path: "guests", message: "Too small: expected number to be >=1" },
      { path: "changes.maxNights", message: "Too big: expected number to be <=365" },
    ]);
    const errors = formErrorsFrom(error, { displayName: "Your name", bio: "About you", guests: "Guests" });
    expect(errors).toEqual({
      fields: {
        displayName: "Your name is required.",
        bio: "About you must be at most 500 characters.",
        guests: "Guests must be at least 1.",
      },
      form: "Max nights must be at most 365.",
    });
  });

  it("maps nested paths onto their top-level field", () => {
    const error = apiError("BAD_REQUEST", "Invalid input", [{ path: "languages.2", message: "Too long" }]);
    expect(formErrorsFrom(error, { languages: "Languages" }).fields).toEqual({ languages: "Too long." });
  });

  it("shows issues on fields the form does not have as a form message", () => {
    const error = apiError("BAD_REQUEST", "Invalid input", [
      { path: "(root)", message: "Nothing to change" },
    ]);
    expect(formErrorsFrom(error, { email: "Email" })).toEqual({ fields: {}, form: "Nothing to change." });
  });

  it("uses the API's message for non-validation errors", () => {
    const error = apiError("UNAUTHORIZED", "Email or password is incorrect");
    expect(formErrorsFrom(error, { email: "Email", password: "Password" })).toEqual({
      fields: {},
      form: "Email or password is incorrect.",
    });
  });

  it("is empty when there is no error", () => {
    expect(formErrorsFrom(null, { email: "Email" })).toEqual({ fields: {}, form: null });
  });
});

describe("errorMessage", () => {
  it("never shows internal messages", () => {
    expect(errorMessage(apiError("INTERNAL", "relation users does not exist"))).toMatch(/on our side/);
  });

  it("explains network failures in plain words", () => {
    expect(errorMessage(new TypeError("Failed to fetch"))).toMatch(/could not reach HomeTrip/);
  });

  it("never shows a JSON parser's complaint about an answer that was not the API's", () => {
    const unparsable = [
      `Unexpected token 'I', "Internal S"... is not valid JSON`,
      "Unexpected end of JSON input",
      "Unexpected token < in JSON at position 0",
      "JSON.parse: unexpected character at line 1 column 1 of the JSON data",
      "JSON Parse error: Unrecognized token '<'",
    ];
    for (const message of unparsable) {
      expect(errorMessage(new SyntaxError(message))).toBe(
        "HomeTrip did not answer properly. Please try again.",
      );
    }
  });

  it("keeps other messages that carry no API code", () => {
    expect(errorMessage(new Error("That date has passed."))).toBe("That date has passed.");
  });

  it("falls back to a sentence per code when the API gave none", () => {
    expect(errorMessage(apiError("TOO_MANY_REQUESTS", ""))).toMatch(/Too many attempts/);
  });
});

describe("apiErrorCode", () => {
  it("reads the code from error.data or from a raw tRPC error shape", () => {
    expect(apiErrorCode(apiError("FORBIDDEN", "no"))).toBe("FORBIDDEN");
    expect(apiErrorCode({ shape: { data: { code: "CONFLICT" } } })).toBe("CONFLICT");
    expect(apiErrorCode(new Error("boom"))).toBeNull();
  });
});
