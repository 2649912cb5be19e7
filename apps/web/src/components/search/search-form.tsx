"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { TextField } from "../ui/field.tsx";
import {
  emptySearch,
  localToday,
  type SearchState,
  searchHref,
  type TripErrors,
  tripErrors,
} from "./search-url.ts";
import "./search.css";

export type Trip = Pick<SearchState, "place" | "checkIn" | "checkOut" | "guests">;

/**
 * Place, dates and guests. A plain GET form to /search, so it works before the page is
 * interactive; once it is, the search is built here and merged into the current one.
 */
export function SearchForm({
  trip,
  onSearch,
  layout = "bar",
}: {
  trip: Trip;
  /** Without it the form goes to /search with just this trip (the home page). */
  onSearch?: (trip: Trip) => void;
  layout?: "bar" | "hero";
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<TripErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const form = {
      place: String(data.get("q") ?? "").trim(),
      checkIn: String(data.get("checkin") ?? ""),
      checkOut: String(data.get("checkout") ?? ""),
      guests: String(data.get("guests") ?? ""),
    };
    const found = tripErrors(form, localToday());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const next: Trip = {
      place: form.place || null,
      checkIn: form.checkIn || null,
      checkOut: form.checkOut || null,
      guests: form.guests ? Number(form.guests) : null,
    };
    if (onSearch) onSearch(next);
    else router.push(searchHref({ ...emptySearch, ...next }));
  };

  return (
    <search aria-label="Find a home">
      <form
        className={`search-form search-form--${layout}`}
        action="/search"
        method="get"
        onSubmit={submit}
        noValidate
      >
        <TextField
          label="Where"
          name="q"
          type="search"
          placeholder="City, region or country"
          defaultValue={trip.place ?? ""}
          autoComplete="off"
        />
        <TextField
          label="Check-in"
          name="checkin"
          type="date"
          defaultValue={trip.checkIn ?? ""}
          error={errors.checkIn}
        />
        <TextField
          label="Check-out"
          name="checkout"
          type="date"
          defaultValue={trip.checkOut ?? ""}
          error={errors.checkOut}
        />
        <TextField
          label="Guests"
          name="guests"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          placeholder="Any"
          defaultValue={trip.guests ?? ""}
          error={errors.guests}
        />
        <div className="search-form__submit">
          {/* A plain button: before hydration the browser submits the GET form itself, which is fine here. */}
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
      </form>
    </search>
  );
}
