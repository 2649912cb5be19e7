import type { Metadata } from "next";
import { Suspense } from "react";
import { parseSearchParams, searchTitle } from "@/components/search/search-url.ts";
import { SearchView } from "@/components/search/search-view.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { webEnv } from "@/lib/env.ts";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: searchTitle(parseSearchParams(await searchParams)) };
}

export default function SearchPage() {
  const { mapTiles } = webEnv();
  return (
    <Suspense fallback={<LoadingBlock label="Loading search…" />}>
      <SearchView tiles={mapTiles} />
    </Suspense>
  );
}
