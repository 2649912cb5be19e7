import type { RouterOutputs } from "@hometrip/api";
import { amenityLabel, propertyTypeLabel } from "../search/search-url.ts";
import { ContactHostButton } from "./contact-host-button.tsx";

type Listing = RouterOutputs["listings"]["get"];

const cancellationText: Record<Listing["cancellationPolicy"], string> = {
  flexible: "Flexible",
  moderate: "Moderate",
  strict: "Strict",
  non_refundable: "Non-refundable",
};

export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function ratingSummary(rating: Listing["rating"]): string {
  if (rating.average === null || rating.count === 0) return "No reviews yet";
  return `★ ${rating.average.toFixed(2)} · ${plural(rating.count, "review")}`;
}

/** Under the title: rating and place. */
export function ListingHeadline({ listing }: { listing: Listing }) {
  return (
    <p className="listing-headline">
      <span data-testid="rating-summary">{ratingSummary(listing.rating)}</span>
      <span aria-hidden="true"> · </span>
      <span>
        {listing.city}
        {listing.region ? `, ${listing.region}` : ""}, {countryName(listing.country)}
      </span>
    </p>
  );
}

/** Everything a guest reads before booking: the place, its host, amenities, rules and times. */
export function ListingFacts({ listing, viewerId }: { listing: Listing; viewerId: string | null }) {
  const since = new Date(listing.host.memberSince).toLocaleDateString("en", {
    month: "long",
    year: "numeric",
  });
  return (
    <>
      <section className="listing-section listing-host" aria-labelledby="host-heading">
        {listing.host.avatarUrl ? (
          // biome-ignore lint/performance/noImgElement: avatars come through the API proxy with their own cache headers
          <img className="avatar listing-host__avatar" src={listing.host.avatarUrl} alt="" />
        ) : (
          <span className="avatar listing-host__avatar" aria-hidden="true">
            {listing.host.displayName.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div>
          <h2 id="host-heading">
            {propertyTypeLabel(listing.propertyType)} hosted by {listing.host.displayName}
          </h2>
          <p className="muted">
            {plural(listing.capacity, "guest")} · {plural(listing.bedrooms, "bedroom")} ·{" "}
            {plural(listing.beds, "bed")} · {plural(listing.baths, "bath")}
          </p>
          <p className="muted">Hosting since {since}</p>
          <ContactHostButton listingId={listing.id} hostId={listing.host.id} viewerId={viewerId} />
        </div>
      </section>

      {listing.description && (
        <section className="listing-section" aria-labelledby="about-heading">
          <h2 id="about-heading">About this home</h2>
          <p className="listing-text">{listing.description}</p>
        </section>
      )}

      <section className="listing-section" aria-labelledby="amenities-heading">
        <h2 id="amenities-heading">What this place offers</h2>
        {listing.amenities.length === 0 ? (
          <p className="muted">The host has not listed amenities.</p>
        ) : (
          <ul className="amenity-list">
            {listing.amenities.map((amenity) => (
              <li key={amenity}>{amenityLabel(amenity)}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="listing-section" aria-labelledby="rules-heading">
        <h2 id="rules-heading">House rules</h2>
        <dl className="listing-times">
          <div>
            <dt>Check-in</dt>
            <dd>from {listing.checkInTime}</dd>
          </div>
          <div>
            <dt>Check-out</dt>
            <dd>by {listing.checkOutTime}</dd>
          </div>
          <div>
            <dt>Guests</dt>
            <dd>up to {listing.capacity}</dd>
          </div>
        </dl>
        {listing.houseRules ? (
          <p className="listing-text">{listing.houseRules}</p>
        ) : (
          <p className="muted">No further rules.</p>
        )}
        <p className="muted">Cancellation policy: {cancellationText[listing.cancellationPolicy]}</p>
      </section>

      <section className="listing-section" aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">Reviews</h2>
        <p>
          {listing.rating.average === null || listing.rating.count === 0
            ? "No reviews yet. Be among the first guests to stay here."
            : `Rated ${listing.rating.average.toFixed(2)} out of 5 from ${plural(listing.rating.count, "review")}.`}
        </p>
      </section>
    </>
  );
}
