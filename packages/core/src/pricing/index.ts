export {
  type BookingPlace,
  type BookingPrice,
  GUEST_SERVICE_FEE_PERCENT,
  HOST_FEE_PERCENT,
  type PriceLine,
  type PriceLineKind,
  priceBooking,
  type TaxLine,
} from "./booking-price.ts";
export {
  type ListingPricing,
  lengthOfStayDiscount,
  listingPricing,
  type NightPrice,
  priceOfNight,
  priceStay,
  type StayDiscount,
  type StayPrice,
} from "./stay-price.ts";
export { type TaxRule, taxRules, taxRulesFor } from "./tax-jurisdictions.ts";
