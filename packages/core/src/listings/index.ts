export { type ListingActor, lockListingForChange } from "./access.ts";
export { type ListingIssue, missingForPublication, UNKNOWN_COUNTRY } from "./completeness.ts";
export { type ImageHeader, type ListingPhotoType, readImageHeader, sniffImageType } from "./image-header.ts";
export {
  createListingDraft,
  type ListingChange,
  publishListing,
  unlistListing,
  updateListing,
} from "./lifecycle.ts";
export { listHostListings, toListingView } from "./listing-view.ts";
export {
  addListingPhoto,
  deleteListingPhoto,
  listingPhotoUrlPrefix,
  reorderListingPhotos,
  setListingCoverPhoto,
} from "./photos.ts";
export { priceListingStay, quoteStay, type StayQuoteResult, whyUnbookable } from "./quote.ts";
export { findVisibleListing } from "./read.ts";
export { listingViewCache } from "./view-cache.ts";
