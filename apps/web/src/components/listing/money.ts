/**
 * Money arrives from the API as integer minor units in the listing's currency. How many minor
 * units make a major one depends on the currency (EUR 2, JPY 0, KWD 3), which Intl knows.
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
