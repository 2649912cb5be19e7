import {
  isWeekendNight,
  lengthOfStayDiscountRate,
  type NightPriceKind,
  percentOf,
} from "@hometrip/contracts";
import { addDays, daysBetween } from "@hometrip/contracts/dates";
import type { Listing } from "@hometrip/db";

/** A listing's price settings, all money in integer minor units. */
export interface ListingPricing {
  nightlyPrice: number;
  /** Friday and Saturday nights; null = the nightly price every night. */
  weekendPrice: number | null;
  cleaningFee: number;
  weeklyDiscountPercent: number;
  monthlyDiscountPercent: number;
}

export function listingPricing(listing: Listing): ListingPricing {
  return {
    nightlyPrice: listing.nightlyPrice,
    weekendPrice: listing.weekendPrice,
    cleaningFee: listing.cleaningFee ?? 0,
    weeklyDiscountPercent: listing.weeklyDiscountPercent,
    monthlyDiscountPercent: listing.monthlyDiscountPercent,
  };
}

export interface NightPrice {
  date: string;
  price: number;
  kind: NightPriceKind;
}

export interface StayDiscount {
  kind: "weekly" | "monthly";
  percent: number;
  amount: number;
}

export interface StayPrice {
  nights: number;
  nightly: NightPrice[];
  nightsSubtotal: number;
  discount: StayDiscount | null;
  cleaningFee: number;
  total: number;
}

/** A per-date override, else the weekend price on Friday and Saturday nights when set, else nightly. */
export function priceOfNight(
  pricing: ListingPricing,
  date: string,
  override: number | undefined,
): NightPrice {
  if (override !== undefined) return { date, price: override, kind: "override" };
  if (pricing.weekendPrice !== null && isWeekendNight(date)) {
    return { date, price: pricing.weekendPrice, kind: "weekend" };
  }
  return { date, price: pricing.nightlyPrice, kind: "base" };
}

/** The length-of-stay discount on a nights subtotal, if the stay earns one. */
export function lengthOfStayDiscount(
  pricing: ListingPricing,
  nights: number,
  nightsSubtotal: number,
): StayDiscount | null {
  const rate = lengthOfStayDiscountRate(nights, pricing);
  return rate && { ...rate, amount: percentOf(nightsSubtotal, rate.percent) };
}

/**
 * What a stay of [checkIn, checkOut) costs: each night's price, their sum, the length-of-stay
 * discount on that sum (never on the cleaning fee), the cleaning fee and the total. The search
 * adapters compute the same total in their own query languages; keep them in step.
 */
export function priceStay(
  pricing: ListingPricing,
  checkIn: string,
  checkOut: string,
  overrides: ReadonlyMap<string, number> = new Map(),
): StayPrice {
  const nights = daysBetween(checkIn, checkOut);
  const nightly: NightPrice[] = [];
  for (let i = 0; i < nights; i++) {
    const date = addDays(checkIn, i);
    nightly.push(priceOfNight(pricing, date, overrides.get(date)));
  }
  const nightsSubtotal = nightly.reduce((sum, night) => sum + night.price, 0);
  const discount = lengthOfStayDiscount(pricing, nights, nightsSubtotal);
  const cleaningFee = pricing.cleaningFee;
  const total = nightsSubtotal - (discount?.amount ?? 0) + cleaningFee;
  return { nights, nightly, nightsSubtotal, discount, cleaningFee, total };
}
