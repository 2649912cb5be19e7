"use client";
import type { RouterOutputs } from "@hometrip/api";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { formatMoney } from "@/lib/money.ts";
import { ListingPhoto } from "../listing/listing-photo.tsx";
import { propertyTypeLabel } from "./search-url.ts";

export type SearchHit = RouterOutputs["search"]["listings"]["hits"][number];

export function ratingText(rating: SearchHit["rating"]): string {
  if (rating.average === null || rating.count === 0) return "New";
  return `★ ${rating.average.toFixed(2)} (${rating.count})`;
}

export function ratingLabel(rating: SearchHit["rating"]): string {
  if (rating.average === null || rating.count === 0) return "No reviews yet";
  return `Rated ${rating.average.toFixed(2)} out of 5 from ${rating.count} review${rating.count === 1 ? "" : "s"}`;
}

/**
 * What a guest decides on: photo, title, place, rating, nightly price and, with dates, the total.
 * The card of the pin pressed on the map is marked and scrolled into view.
 */
export function ResultCard({
  hit,
  href,
  selected = false,
  onHighlight,
}: {
  hit: SearchHit;
  href: string;
  selected?: boolean;
  onHighlight?: (id: string | null) => void;
}) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (selected) card.current?.scrollIntoView({ block: "nearest" });
  }, [selected]);
  return (
    <article
      ref={card}
      className={selected ? "result-card result-card--selected" : "result-card"}
      aria-current={selected || undefined}
      aria-labelledby={`hit-${hit.id}`}
      onMouseEnter={() => onHighlight?.(hit.id)}
      onMouseLeave={() => onHighlight?.(null)}
      onFocus={() => onHighlight?.(hit.id)}
      onBlur={() => onHighlight?.(null)}
    >
      <div className="result-card__photo">
        <ListingPhoto src={hit.coverPhotoUrl} alt="" loading="lazy" />
      </div>
      <div className="result-card__body">
        <h3 className="result-card__title">
          <Link id={`hit-${hit.id}`} href={href} className="result-card__link">
            {hit.title}
          </Link>
        </h3>
        <p className="muted">
          {propertyTypeLabel(hit.propertyType)} in {hit.city} · {hit.bedrooms} bedroom
          {hit.bedrooms === 1 ? "" : "s"}
          {hit.distanceKm !== null &&
            ` · ${hit.distanceKm < 10 ? hit.distanceKm.toFixed(1) : Math.round(hit.distanceKm)} km away`}
        </p>
        <p className="result-card__rating">
          <span aria-hidden="true">{ratingText(hit.rating)}</span>
          <span className="visually-hidden">{ratingLabel(hit.rating)}</span>
          {hit.instantBook && <span className="badge">Instant book</span>}
        </p>
        <p className="result-card__price">
          <strong>{formatMoney(hit.nightlyPrice, hit.currency)}</strong> night
          {hit.totalPrice !== null && hit.nights !== null && (
            <span className="muted" data-testid="stay-total">
              {" · "}
              {formatMoney(hit.totalPrice, hit.currency)} total for {hit.nights} night
              {hit.nights === 1 ? "" : "s"}
            </span>
          )}
        </p>
      </div>
    </article>
  );
}
