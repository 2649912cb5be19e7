import { epochDay } from "@hometrip/contracts/dates";
import type { SearchPlan } from "../plan.ts";
import { MAX_TOTAL_NIGHTS, totalField } from "./schema.ts";

/** Strings go inside backticks; a backtick in user input would end the literal, so it is dropped. */
const literal = (value: string) => `\`${value.replaceAll("`", "")}\``;

/** The field the price filter, sort and histogram use: per night, or the stored total for the stay. */
export function priceField(plan: SearchPlan): { field: string; scale: number } {
  if (plan.nights === null || plan.weekendNights === null) return { field: "nightly_price", scale: 1 };
  if (plan.nights <= MAX_TOTAL_NIGHTS)
    return { field: totalField(plan.nights, plan.weekendNights), scale: 1 };
  // Longer stays: nights x nightly price (the cleaning fee is left out; see schema.ts).
  return { field: "nightly_price", scale: plan.nights };
}

/**
 * filter_by clauses for a plan. Facets that ignore their own filter ask for the clauses without
 * it (`omit`). Every clause is joined with &&.
 */
export function filterClauses(plan: SearchPlan, omit: { types?: boolean; price?: boolean } = {}): string[] {
  const q = plan.query;
  const clauses: string[] = [];
  if (q.bounds) {
    const { north, south, east, west } = q.bounds;
    const lat = `lat:[${south}..${north}]`;
    clauses.push(
      west <= east
        ? `${lat} && lng:[${west}..${east}]`
        : `(${lat} && (lng:[${west}..180] || lng:[-180..${east}]))`,
    );
  }
  if (q.near) clauses.push(`location:(${q.near.lat}, ${q.near.lng}, ${q.near.radiusKm} km)`);
  if (q.checkIn && q.checkOut && plan.nights !== null) {
    const first = epochDay(q.checkIn);
    const nights = Array.from({ length: plan.nights }, (_, i) => first + i);
    clauses.push(
      `min_nights:<=${plan.nights}`,
      `max_nights:>=${plan.nights}`,
      `booked_days:!=[${nights.join(",")}]`,
    );
  }
  if (q.guests !== undefined) clauses.push(`capacity:>=${q.guests}`);
  if (q.bedroomsMin !== undefined) clauses.push(`bedrooms:>=${q.bedroomsMin}`);
  // One clause per amenity: `amenities:=[a,b]` would mean any of them.
  for (const amenity of q.amenities ?? []) clauses.push(`amenities:=${literal(amenity)}`);
  if (q.instantBook !== undefined) clauses.push(`instant_book:=${q.instantBook}`);
  if (q.currency) clauses.push(`currency:=${literal(q.currency)}`);
  if (!omit.types && q.propertyTypes?.length) {
    clauses.push(`property_type:=[${q.propertyTypes.map(literal).join(",")}]`);
  }
  if (!omit.price) {
    const { field, scale } = priceField(plan);
    if (q.priceMin !== undefined) clauses.push(`${field}:>=${Math.ceil(q.priceMin / scale)}`);
    if (q.priceMax !== undefined) clauses.push(`${field}:<=${Math.floor(q.priceMax / scale)}`);
  }
  return clauses;
}

export const joinClauses = (clauses: string[]) => clauses.join(" && ");
