"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useSyncExternalStore } from "react";

const PUSHED = "hometrip:search-pushed";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(PUSHED, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(PUSHED, onChange);
  };
}

const currentQuery = () => window.location.search.replace(/^\?/, "");

/**
 * The page's query string, read from the address bar itself, and a way to push a new one.
 * Next's useSearchParams follows history too, but in a transition and, for entries made before a
 * reload, only after a server round trip, during which a second Back can leave it a step behind
 * the address bar. Reading location directly keeps what is shown equal to what the URL says, and
 * a ticked box shows as ticked at once. The server render (and hydration) use Next's params.
 */
export function useSearchUrl(): { query: string; push: (href: string) => void } {
  const serverQuery = useSearchParams().toString();
  const query = useSyncExternalStore(subscribe, currentQuery, () => serverQuery);
  const push = useCallback((href: string) => {
    window.history.pushState(null, "", href);
    window.dispatchEvent(new Event(PUSHED));
  }, []);
  return { query, push };
}
