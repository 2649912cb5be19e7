"use client";
import type { RouterOutputs } from "@hometrip/api";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/client.ts";

export type HostListing = RouterOutputs["listings"]["get"];
export type ListingPhoto = HostListing["photos"][number];

const byPosition = (a: ListingPhoto, b: ListingPhoto) => a.position - b.position;

/**
 * The editor keeps one copy of the listing (listings.get) in the query cache; every save writes
 * the API's answer into it, so the step list and the other steps see the change at once.
 */
export function useListingCache(listingId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.listings.get.queryKey({ id: listingId });
  const refetch = () => queryClient.invalidateQueries({ queryKey });
  return {
    queryKey,
    setListing: (listing: HostListing) => queryClient.setQueryData(queryKey, listing),
    /** Photo calls answer with the photos only; the rest (what publishing still needs) is re-read. */
    setPhotos: (photos: ListingPhoto[]) => {
      queryClient.setQueryData(queryKey, (old) =>
        old ? { ...old, photos: [...photos].sort(byPosition) } : old,
      );
      void refetch();
    },
    addPhoto: (photo: ListingPhoto) => {
      queryClient.setQueryData(queryKey, (old) =>
        old
          ? { ...old, photos: [...old.photos.filter((p) => p.id !== photo.id), photo].sort(byPosition) }
          : old,
      );
    },
    refetch,
  };
}

/** listings.update for one step; its success and errors belong to that step's form alone. */
export function useListingUpdate(listingId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cache = useListingCache(listingId);
  return useMutation(
    trpc.listings.update.mutationOptions({
      onSuccess: (listing, input) => {
        cache.setListing(listing);
        // Prices, currency and the home's time zone show on every night of the calendar.
        if (Object.keys(input.changes).some((k) => calendarFields.has(k))) {
          void queryClient.invalidateQueries({ queryKey: trpc.calendar.range.pathKey() });
        }
      },
    }),
  );
}

const calendarFields = new Set([
  "nightlyPrice",
  "weekendPrice",
  "currency",
  "minNights",
  "maxNights",
  "timezone",
]);
