import type { NightPriceKind } from "@hometrip/contracts";
import type { Listing } from "@hometrip/db";
import { addDays, daysBetween } from "../calendar/dates.ts";

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

export const WEEKLY_DISCOUNT_NIGHTS = 7;
export const MONTHLY_DISCOUNT_NIGHTS = 28;

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

/**
 * The night of `date` (the night that starts that evening) is a weekend night when `date` is a
 * Friday or a Saturday. Dates are calendar dates, so the weekday is read in UTC.
 */
export function isWeekendNight(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 5 || weekday === 6;
}

/** How many of the nights in [checkIn, checkOut) are Friday or Saturday nights. */
export function weekendNightsBetween(checkIn: string, checkOut: string): number {
  const nights = daysBetween(checkIn, checkOut);
  if (nights <= 0) return 0;
  const firstWeekday = new Date(`${checkIn}T00:00:00Z`).getUTCDay();
  const fullWeeks = Math.floor(nights / 7);
  let count = fullWeeks * 2;
  for (let i = fullWeeks * 7; i < nights; i++) {
    const weekday = (firstWeekday + i) % 7;
    if (weekday === 5 || weekday === 6) count += 1;
  }
  return count;
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

/** Percent of an amount in whole minor units, halves rounded up (as Postgres rounds numerics). */
export function percentOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}

/** Monthly from 28 nights, else weekly from 7 nights; a 0 % discount is no discount. */
export function lengthOfStayDiscount(
  pricing: ListingPricing,
  nights: number,
  nightsSubtotal: number,
): StayDiscount | null {
  if (nights >= MONTHLY_DISCOUNT_NIGHTS && pricing.monthlyDiscountPercent > 0) {
    const percent = pricing.monthlyDiscountPercent;
    return { kind: "monthly", percent, amount: percentOf(nightsSubtotal, percent) };
  }
  if (nights >= WEEKLY_DISCOUNT_NIGHTS && pricing.weeklyDiscountPercent > 0) {
    const percent = pricing.weeklyDiscountPercent;
    return { kind: "weekly", percent, amount: percentOf(nightsSubtotal, percent) };
  }
  return null;
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
