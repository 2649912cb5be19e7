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
