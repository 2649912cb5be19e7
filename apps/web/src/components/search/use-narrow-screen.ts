"use client";
import { useSyncExternalStore } from "react";

/** Where search.css stacks the list and the map: there a phone shows one of them at a time. */
const narrowScreen = "(max-width: 900px)";

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(narrowScreen);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * Whether the search page is in its one-column layout; null until the browser says (the server
 * cannot know), so nothing that only one layout needs, such as the map's code, loads before then.
 */
export function useNarrowScreen(): boolean | null {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(narrowScreen).matches,
    () => null,
  );
}
