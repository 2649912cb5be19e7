"use client";
import type { RouterOutputs } from "@hometrip/api";
import { daysBetween } from "@hometrip/contracts/dates";
import { useId, useState } from "react";
import { PriceFilter } from "./price-filter.tsx";
import {
  amenityLabel,
  type PropertyType,
  propertyTypeLabel,
  propertyTypes,
  type SearchState,
} from "./search-url.ts";

type Facets = RouterOutputs["search"]["listings"]["facets"];

const AMENITIES_SHOWN = 10;

/**
 * Every filter beyond place, dates and guests. Each change is a new search at once (a new URL);
 * counts come from the facets of the current results.
 */
export function FiltersPanel({
  state,
  facets,
  currency,
  onChange,
}: {
  state: SearchState;
  facets: Facets | null;
  currency: string | null;
  onChange: (next: SearchState) => void;
}) {
  const id = useId();
  const [allAmenities, setAllAmenities] = useState(false);
  const typeCounts = new Map(facets?.propertyType.map((f) => [f.value, f.count]) ?? []);
  const shownTypes = propertyTypes.filter(
    (t) => (typeCounts.get(t) ?? 0) > 0 || state.propertyTypes.includes(t),
  );
  const amenityCounts = new Map(facets?.amenities.map((f) => [f.value, f.count]) ?? []);
  const amenities = [...new Set([...state.amenities, ...amenityCounts.keys()])].sort(
    (a, b) => (amenityCounts.get(b) ?? 0) - (amenityCounts.get(a) ?? 0) || a.localeCompare(b),
  );
  const shownAmenities = allAmenities ? amenities : amenities.slice(0, AMENITIES_SHOWN);
  const nights = state.checkIn && state.checkOut ? daysBetween(state.checkIn, state.checkOut) : null;

  const toggleType = (type: PropertyType, on: boolean) =>
    onChange({
      ...state,
      propertyTypes: on ? [...state.propertyTypes, type] : state.propertyTypes.filter((t) => t !== type),
    });
  const toggleAmenity = (amenity: string, on: boolean) =>
    onChange({
      ...state,
      amenities: on ? [...state.amenities, amenity] : state.amenities.filter((a) => a !== amenity),
    });

  return (
    <div className="filters">
      <PriceFilter
        buckets={facets?.price ?? []}
        min={state.priceMin}
        max={state.priceMax}
        currency={currency}
        nights={nights}
        onChange={({ min, max }) => onChange({ ...state, priceMin: min, priceMax: max })}
      />

      <fieldset className="filter-group">
        <legend>Type of place</legend>
        {shownTypes.length === 0 ? (
          <p className="muted">No types to choose from in these results.</p>
        ) : (
          <div className="filter-options">
            {shownTypes.map((type) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  checked={state.propertyTypes.includes(type)}
                  onChange={(e) => toggleType(type, e.target.checked)}
                />
                {propertyTypeLabel(type)}
                <span className="filter-count">({typeCounts.get(type) ?? 0})</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <div className="filter-group">
        <label className="field__label" htmlFor={`${id}-bedrooms`}>
          Bedrooms
        </label>
        <select
          id={`${id}-bedrooms`}
          className="input"
          value={state.bedroomsMin ?? ""}
          onChange={(e) =>
            onChange({ ...state, bedroomsMin: e.target.value ? Number(e.target.value) : null })
          }
        >
          <option value="">Any</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}+
            </option>
          ))}
        </select>
      </div>

      <fieldset className="filter-group">
        <legend>Amenities (all of)</legend>
        {amenities.length === 0 ? (
          <p className="muted">No amenities listed in these results.</p>
        ) : (
          <div className="filter-options">
            {shownAmenities.map((amenity) => (
              <label key={amenity} className="checkbox">
                <input
                  type="checkbox"
                  checked={state.amenities.includes(amenity)}
                  onChange={(e) => toggleAmenity(amenity, e.target.checked)}
                />
                {amenityLabel(amenity)}
                <span className="filter-count">({amenityCounts.get(amenity) ?? 0})</span>
              </label>
            ))}
          </div>
        )}
        {amenities.length > AMENITIES_SHOWN && (
          <button type="button" className="link-button" onClick={() => setAllAmenities((v) => !v)}>
            {allAmenities ? "Show fewer" : `Show all ${amenities.length}`}
          </button>
        )}
      </fieldset>

      <fieldset className="filter-group">
        <legend>Booking</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={state.instantBook}
            onChange={(e) => onChange({ ...state, instantBook: e.target.checked })}
          />
          Instant book only
        </label>
      </fieldset>
    </div>
  );
}
