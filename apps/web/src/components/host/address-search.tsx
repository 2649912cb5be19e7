"use client";
import type { RouterOutputs } from "@hometrip/api";
import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { useTRPC } from "@/lib/trpc/client.ts";

export type FoundPlace = RouterOutputs["places"]["search"]["places"][number];

/**
 * The location step's address search (places.search): type a street, neighbourhood or city, pick
 * a result, and the form takes its city, region, country, position and zone. It sits inside the
 * step's form, so Enter searches here instead of saving the step.
 */
export function AddressSearch({ onPick }: { onPick: (place: FoundPlace) => void }) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState<string | null>(null);
  const [tooShort, setTooShort] = useState(false);
  const found = useQuery({
    ...trpc.places.search.queryOptions({ query: query ?? "" }),
    enabled: query !== null,
    staleTime: 5 * 60_000,
  });

  function search() {
    const text = typed.trim();
    setTooShort(text.length < 2);
    if (text.length >= 2) setQuery(text.slice(0, 100));
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    search();
  }

  const places = found.data?.places ?? [];
  return (
    <fieldset className="host-fieldset">
      <legend>Find the address</legend>
      <p className="muted">
        Search a street, a neighbourhood or a town (like Alfama, Lisbon) and pick it below.
      </p>
      <div className="host-address-search">
        <TextField
          label="Address search"
          name="addressSearch"
          type="search"
          autoComplete="off"
          maxLength={100}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onKeyDown}
          error={tooShort ? "Type at least 2 characters." : found.error ? found.error.message : null}
        />
        <Button type="button" variant="secondary" pending={found.isFetching} onClick={search}>
          Search
        </Button>
      </div>
      {query !== null && found.isSuccess && places.length === 0 && (
        <p className="muted" role="status">
          No place found for “{query}”. Try the city or neighbourhood, or place the pin on the map.
        </p>
      )}
      {places.length > 0 && (
        <ul className="host-places" aria-label="Places found">
          {places.map((place) => (
            <li key={`${place.label}-${place.lat}-${place.lng}`}>
              <button type="button" className="host-place" onClick={() => onPick(place)}>
                {place.label}
                <span className="muted"> · {place.timezone}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
