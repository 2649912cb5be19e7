/**
 * Money in the web app. The API speaks integer minor units of a listing's currency; people read
 * and type major units ("85", "85.50"). How many minor digits a currency has comes from Intl
 * (EUR 2, JPY 0, KWD 3), so conversions never go through floating point.
 */
const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** €125 for whole amounts, €125.50 otherwise; an unknown currency code is shown as a suffix. */
export function formatMoney(minorUnits: number, currency: string, locale = "en"): string {
  const digits = currencyDigits(currency);
  const major = minorUnits / 10 ** digits;
  const whole = Number.isInteger(major);
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(whole ? 0 : 2)} ${currency}`;
  }
}

/** A whole number of major units (the price filter's unit), formatted without a currency when none is known. */
export function formatMajor(major: number, currency: string | null, locale = "en"): string {
  if (!currency) return new Intl.NumberFormat(locale).format(major);
  return formatMoney(major * 10 ** currencyDigits(currency), currency, locale);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The largest amount the API takes (minor units), so the editor can refuse more before saving. */
export const MAX_MINOR_UNITS = 100_000_000;

/**
 * "1,234.50" → 123450 (EUR). Accepts thousands separators (comma or space) and a decimal comma
 * when it is the only separator ("85,5"). Refuses more decimals than the currency has, negatives
 * and anything that is not a number.
 */
export function parseMajorUnits(text: string, currency: string): Parsed<number> {
  const exponent = currencyDigits(currency);
  let s = text.trim().replace(/[\s_\u00a0]/g, "");
  if (s === "") return { ok: false, message: "Enter an amount." };
  if (s.includes(",") && s.includes(".")) s = s.replace(/,/g, "");
  else if (/^\d+,\d{1,3}$/.test(s) && !/^\d{1,3},\d{3}$/.test(s)) s = s.replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match) return { ok: false, message: "Enter an amount like 85 or 85.50." };
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > exponent) {
    return {
      ok: false,
      message:
        exponent === 0
          ? `${currency} amounts have no decimals.`
          : `Use at most ${exponent} decimal place${exponent === 1 ? "" : "s"}.`,
    };
  }
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR_UNITS) {
    return { ok: false, message: "That amount is too large." };
  }
  return { ok: true, value: minor };
}

/** 8550 → "85.50", 8500 → "85" (EUR): what an input shows for a stored amount. */
export function minorToMajorInput(minor: number, currency: string): string {
  const exponent = currencyDigits(currency);
  if (exponent === 0) return String(minor);
  const scale = 10 ** exponent;
  const whole = Math.trunc(minor / scale);
  const fraction = minor % scale;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(exponent, "0")}`;
}

/** A whole percentage within [0, max] ("10", "10 %"); empty means 0 when `emptyIsZero`. */
export function parsePercent(
  text: string,
  max: number,
  opts: { emptyIsZero?: boolean } = {},
): Parsed<number> {
  const s = text.trim().replace(/\s*%$/, "");
  if (s === "")
    return opts.emptyIsZero ? { ok: true, value: 0 } : { ok: false, message: "Enter a percentage." };
  if (!/^\d+$/.test(s)) return { ok: false, message: "Enter a whole percentage, like 10." };
  const value = Number(s);
  if (value > max) return { ok: false, message: `At most ${max} %.` };
  return { ok: true, value };
}
