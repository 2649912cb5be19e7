import type { RouterOutputs } from "@hometrip/api";
import { serverApi } from "@/lib/session.ts";

type SearchHit = RouterOutputs["search"]["listings"]["hits"][number];

export type Destination = { place: string; country: string; homes: number; photoUrl: string | null };
export type HomeShowcase = { destinations: Destination[]; homes: SearchHit[] };

/** The places the home page features, in this order; one with no homes is left out. */
const featuredPlaces = [
  "Lisbon",
  "Paris",
  "Kyoto",
  "New York",
  "Cape Town",
  "Barcelona",
  "Mexico City",
  "Vancouver",
];

/**
 * What the home page shows a guest: featured destinations (count and a photo from the search the
 * card links to) and the best-rated homes. Plain searches, so the API's search cache serves them;
 * when the API is down the page still renders, without these.
 */
export async function loadHomeShowcase(): Promise<HomeShowcase> {
  try {
    const api = await serverApi();
    const [homes, ...places] = await Promise.all([
      api.search.listings.query({ sort: "rating", limit: 8 }),
      ...featuredPlaces.map((place) => api.search.listings.query({ text: place, limit: 1 })),
    ]);
    const destinations = places.flatMap((result, i): Destination[] => {
      const homesThere = result.facets.propertyType.reduce((sum, f) => sum + f.count, 0);
      const top = result.hits[0];
      if (!top || homesThere === 0) return [];
      return [
        {
          place: featuredPlaces[i] as string,
          country: top.country,
          homes: homesThere,
          photoUrl: top.coverPhotoUrl,
        },
      ];
    });
    return { destinations, homes: homes.hits };
  } catch {
    return { destinations: [], homes: [] };
  }
}
