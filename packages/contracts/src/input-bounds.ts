import * as z from "zod";

/*
 * The bounds every input string, date and time zone is held to, so a hostile value is a 400 at the
 * contract and never reaches Postgres (which refuses NUL in text, SQLSTATE 22021) or date
 * arithmetic (year 0 and year 9999 have no neighbours a calendar can name).
 */

/** C0 controls and DEL, NUL included; tab, newline and carriage return only where text is multi-line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const singleLineControls = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const multiLineControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const controlCharacterMessage = "must not contain control characters";

export type TextBounds = {
  max: number;
  min?: number;
  /** Tab and line breaks allowed (descriptions, house rules, bios); every other control still refused. */
  multiline?: boolean;
  /** Trimmed before the length checks (default); secrets such as passwords are kept exactly as typed. */
  trim?: boolean;
};

/**
 * A string every contract input uses instead of a bare `z.string()`: bounded length, trimmed, and
 * no control characters. Returns a plain `ZodString`, so callers may chain `.toLowerCase()`,
 * `.regex()` or `.pipe()` after it.
 */
export function zText({ max, min = 0, multiline = false, trim = true }: TextBounds) {
  const base = trim ? z.string().trim() : z.string();
  const controls = multiline ? multiLineControls : singleLineControls;
  const bounded = base.max(max, { message: `must be at most ${max} characters` });
  const withMin =
    min > 0
      ? bounded.min(min, { message: min === 1 ? "is required" : `must be at least ${min} characters` })
      : bounded;
  return withMin.refine((value) => !controls.test(value), { message: controlCharacterMessage });
}

/** True when `value` holds a character no single-line input may carry (used by the fuzz and walk tests). */
export function hasControlCharacter(value: string): boolean {
  return singleLineControls.test(value);
}

/**
 * A decimal as a person or a map would give it: finite, within [min, max], rounded to `decimals`
 * places. Rounding also turns subnormal values such as 4e-323 into 0, which Postgres's float8
 * would refuse with "value out of range: underflow".
 */
export function zDecimal({ min, max, decimals }: { min: number; max: number; decimals: number }) {
  return z
    .number()
    .min(min)
    .max(max)
    .transform((n) => Number(n.toFixed(decimals)));
}

/** Degrees to 7 places: about a centimetre, finer than any address. */
export const zLatitude = zDecimal({ min: -90, max: 90, decimals: 7 });
export const zLongitude = zDecimal({ min: -180, max: 180, decimals: 7 });

/**
 * The calendar dates the product means: nothing books, blocks or prices a night before 2000 or
 * after 2100, and inside these bounds every date has a day before and after it that `Date` and
 * Postgres agree on.
 */
export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2100-12-31";

/** A calendar day as `YYYY-MM-DD` between EARLIEST_DATE and LATEST_DATE. */
export const zIsoDate = z.iso.date().refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, {
  message: `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`,
});

/**
 * Whether the runtime's time-zone database knows `zone` as an IANA name. Offsets such as `+05:00`
 * are refused even where Intl accepts them: Postgres reads them with the POSIX sign (inverted).
 */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone, stored as the runtime spells it (`europe/paris` becomes `Europe/Paris`). */
export const zTimeZone = zText({ max: 64, min: 1 })
  .refine(isIanaTimeZone, { message: "must be an IANA time zone such as Europe/Paris" })
  .transform((zone) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone);
