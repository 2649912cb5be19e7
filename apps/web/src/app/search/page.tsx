import type { Metadata } from "next";
import { Suspense } from "react";
import { SearchView } from "@/components/search/search-view.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { webEnv } from "@/lib/env.ts";

// One title for every search: searches change in the browser (history entries without a server
// render), and a title naming the first search's place would go stale.
export const metadata: Metadata = { title: "Search homes" };

export default function SearchPage() {
  const { mapTiles } = webEnv();
  return (
    <Suspense fallback={<LoadingBlock label="Loading search…" />}>
      <SearchView tiles={mapTiles} />
    </Suspense>
  );
}
