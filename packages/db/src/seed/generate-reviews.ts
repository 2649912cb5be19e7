import type { NewListing, NewReview } from "../schema/index.ts";
import { guestReviewBodies, reviewBody } from "./content.ts";
import { at } from "./dates.ts";
import type { Rng } from "./prng.ts";

/** After a completed stay most guests review the listing and many hosts review the guest. */
export function addReviews(
  rng: Rng,
  today: number,
  listing: NewListing,
  stay: { bookingId: string; guestId: string; checkOut: number },
  out: { reviews: NewReview[] },
): void {
  const day = Math.min(stay.checkOut + rng.int(0, 10), today);
  if (rng.chance(0.75)) {
    const rating = rng.weighted([
      [5, 60],
      [4, 28],
      [3, 8],
      [2, 3],
      [1, 1],
    ] as const);
    const createdAt = at(day, rng.int(0, 1439));
    const responded = rng.chance(0.3);
    out.reviews.push({
      id: rng.uuid(),
      bookingId: stay.bookingId,
      listingId: listing.id as string,
      authorId: stay.guestId,
      kind: "of_listing",
      rating,
      body: reviewBody(rng, rating),
      response: responded ? "Thank you for staying with us!" : null,
      respondedAt: responded ? at(Math.min(day + 1, today), 600) : null,
      createdAt,
      updatedAt: createdAt,
    });
  }
  if (rng.chance(0.6)) {
    const createdAt = at(day, rng.int(0, 1439));
    out.reviews.push({
      id: rng.uuid(),
      bookingId: stay.bookingId,
      listingId: listing.id as string,
      authorId: listing.hostId,
      kind: "of_guest",
      rating: rng.weighted([
        [5, 80],
        [4, 17],
        [3, 3],
      ] as const),
      body: rng.pick(guestReviewBodies),
      createdAt,
      updatedAt: createdAt,
    });
  }
}
