/**
 * Occupancy taxes by place, in code so a change is reviewed like any other pricing change. An
 * entry with a `city` applies to listings in that city only; one without applies to the whole
 * country; a listing pays every entry that matches it (a city tax on top of a national one).
 * Figures are modelled on the real taxes of these places, simplified (no star ratings or
 * seasonal rates); they are not tax advice.
 */
export interface TaxRule {
  country: string;
  city?: string;
  label: string;
  /** Percent of the accommodation (nights after discount + cleaning fee); never of service fees. */
  percent?: number;
  /** A fixed amount per night in minor units of `currency`, applied only to listings priced in it. */
  perNight?: { amount: number; currency: string; perGuest: boolean; maxNights?: number };
}

export const taxRules: readonly TaxRule[] = [
  {
    country: "PT",
    city: "Lisbon",
    label: "Lisbon tourist tax",
    perNight: { amount: 400, currency: "EUR", perGuest: true, maxNights: 7 },
  },
  {
    country: "ES",
    city: "Barcelona",
    label: "Catalonia tourist tax",
    perNight: { amount: 550, currency: "EUR", perGuest: true, maxNights: 7 },
  },
  { country: "ES", label: "IVA (VAT)", percent: 10 },
  {
    country: "FR",
    city: "Paris",
    label: "Taxe de séjour",
    perNight: { amount: 288, currency: "EUR", perGuest: true },
  },
  { country: "NL", city: "Amsterdam", label: "Amsterdam tourist tax", percent: 12.5 },
  { country: "DE", city: "Berlin", label: "Berlin City Tax", percent: 7.5 },
  { country: "US", city: "New York", label: "NYC hotel room occupancy tax", percent: 14.75 },
  {
    country: "US",
    city: "New York",
    label: "NYC per-night unit fee",
    perNight: { amount: 200, currency: "USD", perGuest: false },
  },
  {
    country: "JP",
    city: "Kyoto",
    label: "Kyoto accommodation tax",
    perNight: { amount: 200, currency: "JPY", perGuest: true },
  },
  { country: "CA", label: "GST", percent: 5 },
  { country: "CA", city: "Vancouver", label: "BC PST and municipal tax", percent: 10 },
  { country: "MX", city: "Mexico City", label: "ISH lodging tax", percent: 5 },
  { country: "ZA", label: "VAT", percent: 15 },
];

const sameName = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" }) === 0;

/** The rules a listing in `country`/`city` pays, national ones first. */
export function taxRulesFor(country: string, city: string, rules: readonly TaxRule[] = taxRules): TaxRule[] {
  const inCountry = rules.filter((rule) => rule.country === country.toUpperCase());
  return [
    ...inCountry.filter((rule) => rule.city === undefined),
    ...inCountry.filter((rule) => rule.city !== undefined && sameName(rule.city, city.trim())),
  ];
}
