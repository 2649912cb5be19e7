/** The LISTING_PHOTOS binding is declared in wrangler.toml; without it photos cannot work at all. */
export function listingPhotoBucket(bucket: R2Bucket | undefined): R2Bucket {
  if (!bucket) throw new Error("The LISTING_PHOTOS R2 binding is missing");
  return bucket;
}
