/**
 * What payouts mean for a listing's instant book, as the API enforces it (`listings.publish`,
 * `listings.update`): guests' money cannot reach a host whose payouts are off, so
 * - `blocks-publish`: an unpublished instant-book listing cannot be published yet;
 * - `cannot-switch-on`: a published request-to-book listing cannot switch instant book on;
 * - `requests-meanwhile`: a published instant-book listing whose payouts Stripe turned off later
 *   stays published, and guests' bookings arrive as requests until payouts are back;
 * - `needed-to-publish`: a draft may tick instant book, but publishing it will need payouts;
 * - `open`: payouts are on, or unknown (an admin editing another host's listing).
 */
export type InstantBookGate =
  | "open"
  | "blocks-publish"
  | "cannot-switch-on"
  | "requests-meanwhile"
  | "needed-to-publish";

export const PAYOUTS_PAGE = "/host/payouts";

export function instantBookGate(
  listing: { status: "draft" | "published" | "unlisted"; instantBook: boolean },
  payoutsEnabled: boolean | null,
): InstantBookGate {
  if (payoutsEnabled !== false) return "open";
  if (listing.status === "published") return listing.instantBook ? "requests-meanwhile" : "cannot-switch-on";
  return listing.instantBook ? "blocks-publish" : "needed-to-publish";
}
