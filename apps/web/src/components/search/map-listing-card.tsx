import Link from "next/link";
import { formatMoney } from "@/lib/money.ts";
import { ListingPhoto } from "../listing/listing-photo.tsx";
import { ratingLabel, ratingText, type SearchHit } from "./result-card.tsx";

/** The small card a map pin opens; its title links to the listing. */
export function MapListingCard({
  hit,
  href,
  onClose,
}: {
  hit: SearchHit;
  href: string;
  onClose: () => void;
}) {
  return (
    <section className="map-card" aria-label="Selected home">
      <ListingPhoto className="map-card__photo" src={hit.coverPhotoUrl} alt="" />
      <div>
        <Link className="map-card__title" href={href}>
          {hit.title}
        </Link>
        <p className="muted">{hit.city}</p>
        <p>
          <span aria-hidden="true">{ratingText(hit.rating)}</span>
          <span className="visually-hidden">{ratingLabel(hit.rating)}</span>
        </p>
        <p>
          <strong>{formatMoney(hit.nightlyPrice, hit.currency)}</strong> night
          {hit.totalPrice !== null && ` · ${formatMoney(hit.totalPrice, hit.currency)} total`}
        </p>
      </div>
      <button type="button" className="button button--ghost button--small map-card__close" onClick={onClose}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Close</span>
      </button>
    </section>
  );
}
