"use client";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useState } from "react";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatMoney } from "@/lib/money.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import type { MapPin } from "../map/leaflet-search-map.tsx";
import type { MapTiles } from "../map/map-tiles.ts";
import { SearchMap } from "../map/search-map.tsx";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";
import { LoadingBlock, Spinner } from "../ui/spinner.tsx";
import { FiltersPanel } from "./filters-panel.tsx";
import { MapListingCard } from "./map-listing-card.tsx";
import { ResultCard } from "./result-card.tsx";
import { SearchForm, type Trip } from "./search-form.tsx";
import {
  activeFilterCount,
  listingHref,
  localToday,
  parseSearchParams,
  type SearchSort,
  type SearchState,
  searchHref,
  searchParamsOf,
  searchQueryOf,
  withoutFilters,
  withoutPastDates,
} from "./search-url.ts";
import { useNarrowScreen } from "./use-narrow-screen.ts";
import { useSearchUrl } from "./use-search-url.ts";
import "./search.css";

const sortLabels: Record<SearchSort, string> = {
  relevance: "Best match",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  rating: "Top rated",
  distance: "Distance from the map's centre",
};

/** How many homes match: the property-type facet ignores only its own filter, so its counts add up. */
function matchingCount(state: SearchState, typeFacet: { value: string; count: number }[]): number {
  const selected = new Set<string>(state.propertyTypes);
  const counted = selected.size ? typeFacet.filter((f) => selected.has(f.value)) : typeFacet;
  return counted.reduce((sum, f) => sum + f.count, 0);
}

/**
 * The search page. The URL is the only state: every change pushes a new URL (so back and forward
 * step through searches) and the results follow from it; the map's area is part of it too.
 */
export function SearchView({ tiles }: { tiles: MapTiles | null }) {
  const trpc = useTRPC();
  const url = useSearchUrl();
  const { state, datesPassed } = useMemo(
    () => withoutPastDates(parseSearchParams(new URLSearchParams(url.query)), localToday()),
    [url.query],
  );
  const filtersId = useId();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  // A phone shows the list or the map; the map (and its code) loads only once it is shown.
  const narrow = useNarrowScreen();
  const [phoneView, setPhoneView] = useState<"list" | "map">("list");
  const mapShown = narrow === false || (narrow === true && phoneView === "map");

  const navigate = (requested: SearchState) => {
    const next =
      requested.sort === "distance" && !requested.bounds
        ? { ...requested, sort: "relevance" as const }
        : requested;
    // Native history entries: each search is a step for back/forward, with no server round trip
    // for a page whose results load in the browser (a reload or a shared link renders it anew).
    url.push(searchHref(next));
  };

  const query = useInfiniteQuery({
    ...trpc.search.listings.infiniteQueryOptions(searchQueryOf(state), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
    placeholderData: keepPreviousData,
  });

  const hits = useMemo(() => query.data?.pages.flatMap((p) => p.hits) ?? [], [query.data]);
  const facets = query.data?.pages[0]?.facets ?? null;
  const currencies = new Set(hits.map((h) => h.currency));
  const currency = currencies.size === 1 ? [...currencies][0]! : null;
  const total = facets ? matchingCount(state, facets.propertyType) : null;
  const filterCount = activeFilterCount(state);

  const pins = useMemo<MapPin[]>(
    () =>
      hits.map((hit) => {
        const price = formatMoney(hit.nightlyPrice, hit.currency);
        return {
          id: hit.id,
          title: hit.title,
          lat: hit.lat,
          lng: hit.lng,
          priceLabel: price,
          label: `${hit.title}, ${price} per night`,
        };
      }),
    [hits],
  );

  // The map reframes when the results of a different search arrive, not while they load.
  const searchKey = searchParamsOf({ ...state, bounds: null, sort: "relevance" });
  const [fitKey, setFitKey] = useState(searchKey);
  useEffect(() => {
    if (query.data && !query.isPlaceholderData) setFitKey(searchKey);
  }, [query.data, query.isPlaceholderData, searchKey]);

  const selected = hits.find((h) => h.id === selectedId) ?? null;
  const trip: Trip = {
    place: state.place,
    checkIn: state.checkIn,
    checkOut: state.checkOut,
    guests: state.guests,
  };

  const searchTrip = (next: Trip) => {
    const placeChanged = (next.place ?? "") !== (state.place ?? "");
    // A new place replaces the map area it would otherwise be searched within.
    navigate({ ...state, ...next, bounds: placeChanged && next.place ? null : state.bounds });
  };

  return (
    <div className="search-page" data-phone-view={phoneView}>
      <div className="search-page__bar">
        <SearchForm key={searchParamsOf({ ...state, bounds: null })} trip={trip} onSearch={searchTrip} />
      </div>
      <div className="search-page__body">
        <section className="search-results" aria-labelledby={`${filtersId}-heading`}>
          <div className="search-toolbar">
            <h1 id={`${filtersId}-heading`} className="search-results__heading">
              {resultsHeading(state, total)}
            </h1>
            <div className="row">
              <Button
                variant="secondary"
                size="small"
                aria-expanded={filtersOpen}
                aria-controls={`${filtersId}-filters`}
                onClick={() => setFiltersOpen((open) => !open)}
              >
                Filters{filterCount > 0 && ` (${filterCount})`}
              </Button>
              {filterCount > 0 && (
                <Button variant="ghost" size="small" onClick={() => navigate(withoutFilters(state))}>
                  Clear filters
                </Button>
              )}
              <label className="sort-select">
                <span>Sort</span>
                <select
                  className="input"
                  value={state.sort}
                  onChange={(e) => navigate({ ...state, sort: e.target.value as SearchSort })}
                >
                  {(Object.keys(sortLabels) as SearchSort[]).map((sort) => (
                    <option key={sort} value={sort} disabled={sort === "distance" && !state.bounds}>
                      {sortLabels[sort]}
                      {sort === "distance" && !state.bounds ? " (search a map area first)" : ""}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </div>
          {datesPassed && (
            <Alert tone="info" title="The dates in this link have passed">
              These homes are shown without dates. Pick new dates to see which are free and what your stay
              costs.
            </Alert>
          )}
          <div id={`${filtersId}-filters`} hidden={!filtersOpen}>
            <FiltersPanel state={state} facets={facets} currency={currency} onChange={navigate} />
          </div>

          {query.isPending ? (
            <LoadingBlock label="Finding homes…" />
          ) : query.isError && !query.data ? (
            <Alert tone="error" title="We could not load homes">
              <p>{errorMessage(query.error)}</p>
              <Button variant="secondary" size="small" onClick={() => query.refetch()}>
                Try again
              </Button>
            </Alert>
          ) : hits.length === 0 ? (
            <EmptyResults
              state={state}
              onClearFilters={() => navigate(withoutFilters(state))}
              onClearArea={() => navigate({ ...state, bounds: null })}
            />
          ) : (
            <>
              {query.isFetching && !query.isFetchingNextPage && (
                <p className="muted search-results__updating" role="status">
                  <Spinner label={null} /> Updating results…
                </p>
              )}
              <ul
                className="result-grid"
                aria-label="Homes"
                aria-busy={query.isPlaceholderData || undefined}
                data-stale={query.isPlaceholderData || undefined}
              >
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <ResultCard
                      hit={hit}
                      href={listingHref(hit.id, state)}
                      selected={hit.id === selectedId}
                      onHighlight={setHighlightedId}
                    />
                  </li>
                ))}
              </ul>
              {query.isFetchNextPageError && (
                <Alert tone="error">We could not load more homes. {errorMessage(query.error)}</Alert>
              )}
              {query.hasNextPage ? (
                <div className="search-results__more">
                  <Button
                    variant="secondary"
                    pending={query.isFetchingNextPage}
                    onClick={() => query.fetchNextPage()}
                  >
                    Load more homes
                  </Button>
                </div>
              ) : (
                <p className="muted search-results__end">That is every home for this search.</p>
              )}
            </>
          )}
        </section>
        {mapShown && (
          <div className="search-page__map">
            <SearchMap
              pins={pins}
              bounds={state.bounds}
              fitKey={fitKey}
              tiles={tiles}
              selectedId={selectedId}
              highlightedId={highlightedId}
              onSelect={setSelectedId}
              onSearchArea={(bounds) => navigate({ ...state, place: null, bounds })}
              card={
                selected && (
                  <MapListingCard
                    hit={selected}
                    href={listingHref(selected.id, state)}
                    onClose={() => setSelectedId(null)}
                  />
                )
              }
            />
          </div>
        )}
      </div>
      {narrow && (
        <button
          type="button"
          className="button search-view-toggle"
          onClick={() => setPhoneView((view) => (view === "list" ? "map" : "list"))}
        >
          {phoneView === "list" ? "Show map" : "Show list"}
        </button>
      )}
    </div>
  );
}

function resultsHeading(state: SearchState, total: number | null): string {
  const where = state.bounds ? " in the map area" : state.place ? ` in ${state.place}` : "";
  if (total === null) return `Homes${where}`;
  return `${total} home${total === 1 ? "" : "s"}${where}`;
}

function EmptyResults({
  state,
  onClearFilters,
  onClearArea,
}: {
  state: SearchState;
  onClearFilters: () => void;
  onClearArea: () => void;
}) {
  const hasFilters = activeFilterCount(state) > 0;
  return (
    <div className="empty-results" role="status">
      <h2>No homes match this search</h2>
      <p className="muted">
        {state.checkIn
          ? "Try other dates, a wider area, or fewer filters."
          : "Try another place, a wider area, or fewer filters."}
      </p>
      <div className="row">
        {hasFilters && (
          <Button variant="secondary" size="small" onClick={onClearFilters}>
            Clear filters
          </Button>
        )}
        {state.bounds && (
          <Button variant="secondary" size="small" onClick={onClearArea}>
            Search beyond the map area
          </Button>
        )}
      </div>
    </div>
  );
}
