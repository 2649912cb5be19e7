import { percentOf } from "@hometrip/contracts";
import type { StayPrice } from "./stay-price.ts";
import { type TaxRule, taxRules, taxRulesFor } from "./tax-jurisdictions.ts";

/** What the guest pays the platform on top of the stay, percent of nights + cleaning. */
export const GUEST_SERVICE_FEE_PERCENT = 14;
/** What the platform keeps from the host's share (nights + cleaning), percent. */
export const HOST_FEE_PERCENT = 3;

export interface TaxLine {
  label: string;
  amount: number;
}

export type PriceLineKind = "nights" | "discount" | "cleaning_fee" | "service_fee" | "tax";

/** One line of the breakdown; discounts are negative, so the lines add up to `guestTotal`. */
export interface PriceLine {
  kind: PriceLineKind;
  label: string;
  amount: number;
}

export interface BookingPrice {
  /** Nights after the length-of-stay discount plus the cleaning fee: what taxes and fees are on. */
  accommodation: number;
  serviceFee: number;
  taxes: TaxLine[];
  taxTotal: number;
  /** Everything the guest pays. */
  guestTotal: number;
  hostFee: number;
  /** What the host receives: accommodation minus the host fee. */
  hostPayout: number;
  lines: PriceLine[];
}

export interface BookingPlace {
  country: string;
  city: string;
  currency: string;
}

/**
 * The whole price of a booking from the stay's price (stay-price.ts): the guest's service fee,
 * each occupancy tax of the listing's place, the host's fee, and the lines the guest is shown.
 * listings.quote and bookings.quote both come here, so what a guest sees is what a booking charges.
 */
export function priceBooking(
  stay: StayPrice,
  place: BookingPlace,
  guests: number,
  rules: readonly TaxRule[] = taxRules,
): BookingPrice {
  const nightsAfterDiscount = stay.nightsSubtotal - (stay.discount?.amount ?? 0);
  const accommodation = nightsAfterDiscount + stay.cleaningFee;
  const serviceFee = percentOf(accommodation, GUEST_SERVICE_FEE_PERCENT);
  const taxes = taxRulesFor(place.country, place.city, rules)
    .map((rule) => ({
      label: rule.label,
      amount: taxAmount(rule, accommodation, stay.nights, guests, place),
    }))
    .filter((line) => line.amount > 0);
  const taxTotal = taxes.reduce((sum, line) => sum + line.amount, 0);
  const hostFee = percentOf(accommodation, HOST_FEE_PERCENT);
  const lines: PriceLine[] = [
    {
      kind: "nights",
      label: `${stay.nights} night${stay.nights === 1 ? "" : "s"}`,
      amount: stay.nightsSubtotal,
    },
  ];
  if (stay.discount) {
    const label = `${stay.discount.kind === "weekly" ? "Weekly" : "Monthly"} discount (${stay.discount.percent}%)`;
    lines.push({ kind: "discount", label, amount: -stay.discount.amount });
  }
  if (stay.cleaningFee > 0)
    lines.push({ kind: "cleaning_fee", label: "Cleaning fee", amount: stay.cleaningFee });
  lines.push({ kind: "service_fee", label: "Service fee", amount: serviceFee });
  for (const tax of taxes) lines.push({ kind: "tax", label: tax.label, amount: tax.amount });
  return {
    accommodation,
    serviceFee,
    taxes,
    taxTotal,
    guestTotal: accommodation + serviceFee + taxTotal,
    hostFee,
    hostPayout: accommodation - hostFee,
    lines,
  };
}

function taxAmount(
  rule: TaxRule,
  accommodation: number,
  nights: number,
  guests: number,
  place: BookingPlace,
): number {
  let amount = rule.percent === undefined ? 0 : Math.round((accommodation * rule.percent) / 100);
  const perNight = rule.perNight;
  if (perNight && perNight.currency === place.currency) {
    const taxedNights = Math.min(nights, perNight.maxNights ?? nights);
    amount += perNight.amount * taxedNights * (perNight.perGuest ? guests : 1);
  }
  return amount;
}
