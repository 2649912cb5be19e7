import type { PropertyType, SearchHit, SearchResult } from "@hometrip/contracts";
import type { Client } from "typesense";
import { type CursorPosition, decodeCursor, encodeCursor } from "../cursor.ts";
import { planSearch, priceBuckets, roundKm, type SearchOrder, type SearchPlan, sortFacet } from "../plan.ts";
import type { SearchIndex, SqlExecutor } from "../port.ts";
import { isNotFound } from "./client.ts";
import { documentStayTotal, loadDocuments } from "./documents.ts";
import { filterClauses, joinClauses, priceField } from "./filters.ts";
import type { ListingDocument } from "./schema.ts";

export interface TypesenseIndexOptions {
  client: Client;
  /** Alias (or collection) searched and written. */
  collection: string;
  /** Where documents are read from on upsert: Postgres stays the source of truth. */
  sql: SqlExecutor;
  now?: () => Date;
}

type Ordering =
  | { kind: "keyset"; sortBy: string; keys: { field: string; dir: "asc" | "desc" }[] }
  // Text relevance and geo distance cannot be range-filtered, so those pages are offsets into a
  // snapshot: listings created after the first page are left out, and nothing shifts.
  | { kind: "snapshot"; sortBy: string };

function orderingOf(plan: SearchPlan): Ordering {
  const price = priceField(plan).field;
  const byOrder: Record<SearchOrder, () => Ordering> = {
    relevance: () => ({ kind: "snapshot", sortBy: "_text_match:desc,tiebreak:asc" }),
    distance: () => ({
      kind: "snapshot",
      sortBy: `location(${plan.center?.lat}, ${plan.center?.lng}):asc,tiebreak:asc`,
    }),
    price_asc: () => ({
      kind: "keyset",
      sortBy: `${price}:asc,tiebreak:asc`,
      keys: [{ field: price, dir: "asc" }],
    }),
    price_desc: () => ({
      kind: "keyset",
      sortBy: `${price}:desc,tiebreak:asc`,
      keys: [{ field: price, dir: "desc" }],
    }),
    rating: () => ({
      kind: "keyset",
      sortBy: "rating_x100:desc,rating_count:desc,tiebreak:asc",
      keys: [
        { field: "rating_x100", dir: "desc" },
        { field: "rating_count", dir: "desc" },
      ],
    }),
  };
  return byOrder[plan.order]();
}

function keysetClause(ordering: Ordering & { kind: "keyset" }, after: CursorPosition): string {
  const values = after.keys;
  const alternatives: string[] = [];
  for (let i = 0; i <= ordering.keys.length; i++) {
    const equal = ordering.keys.slice(0, i).map((k, j) => `${k.field}:=${values[j]}`);
    const key = ordering.keys[i];
    const beyond = key
      ? `${key.field}:${key.dir === "asc" ? ">" : "<"}${values[i]}`
      : `tiebreak:>${values[ordering.keys.length]}`;
    alternatives.push(`(${[...equal, beyond].join(" && ")})`);
  }
  return `(${alternatives.join(" || ")})`;
}

/** Production search engine; documents are copied from Postgres on upsert. */
export function createTypesenseSearchIndex(opts: TypesenseIndexOptions): SearchIndex {
  const { client, collection, sql } = opts;
  const now = opts.now ?? (() => new Date());
  const documents = () => client.collections<ListingDocument>(collection).documents();

  const remove = async (ids: readonly string[]) => {
    for (const id of ids) {
      await client
        .collections(collection)
        .documents(id)
        .delete()
        .catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
    }
  };

  return {
    name: "typesense",
    async upsert(ids) {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const docs = await loadDocuments(sql, chunk, now());
        if (docs.length > 0) {
          const results = await documents().import(docs, { action: "upsert" });
          const failed = results.filter((r) => !r.success);
          if (failed.length > 0)
            throw new Error(`typesense import failed: ${JSON.stringify(failed.slice(0, 3))}`);
        }
        const kept = new Set(docs.map((d) => d.id));
        await remove(chunk.filter((id) => !kept.has(id)));
      }
    },
    remove,
    async search(input) {
      const plan = planSearch(input);
      const ordering = orderingOf(plan);
      const after = plan.query.cursor ? decodeCursor(plan.query.cursor, plan.order) : null;
      return runSearch(client, collection, plan, ordering, after, now());
    },
  };
}

async function runSearch(
  client: Client,
  collection: string,
  plan: SearchPlan,
  ordering: Ordering,
  after: CursorPosition | null,
  now: Date,
): Promise<SearchResult> {
  const q = plan.query;
  const text = {
    q: q.text ?? "*",
    query_by: "city,place_names,region,title",
    query_by_weights: "3,3,2,1",
    // One typo from 4 letters, two from 7: what the Postgres adapter forgives ("prto", "lisbn").
    num_typos: 2,
    min_len_1typo: 4,
    min_len_2typo: 7,
    prefix: true,
    drop_tokens_threshold: 0,
  };
  const base = filterClauses(plan);
  const pageClauses = [...base];
  let offset = 0;
  const snapshot = after?.extra?.snapshot ?? now.getTime();
  if (ordering.kind === "keyset" && after) pageClauses.push(keysetClause(ordering, after));
  if (ordering.kind === "snapshot") {
    pageClauses.push(`created_ms:<=${snapshot}`);
    offset = after?.extra?.offset ?? 0;
  }
  const { field, scale } = priceField(plan);
  const edges = plan.priceEdges.map((e) => Math.ceil(e / scale));
  const ranges = edges.map((e, i) => `b${i}:[${e}, ${edges[i + 1] ?? ""}]`).join(", ");
  const { results } = await client.multiSearch.perform<ListingDocument[]>({
    searches: [
      {
        collection,
        ...text,
        filter_by: joinClauses(pageClauses),
        sort_by: ordering.sortBy,
        offset,
        limit: q.limit + 1,
      },
      {
        collection,
        ...text,
        filter_by: joinClauses(base),
        facet_by: "amenities",
        max_facet_values: 100,
        per_page: 0,
      },
      {
        collection,
        ...text,
        filter_by: joinClauses(filterClauses(plan, { types: true })),
        facet_by: "property_type",
        max_facet_values: 20,
        per_page: 0,
      },
      {
        collection,
        ...text,
        filter_by: joinClauses(filterClauses(plan, { price: true })),
        facet_by: `${field}(${ranges})`,
        per_page: 0,
      },
    ],
  });
  const [page, amenities, types, prices] = results as unknown as TypesenseResult[];
  const hits = (page?.hits ?? []).map((h) => h.document);
  const shown = hits.slice(0, q.limit);
  const last = shown.at(-1);
  let nextCursor: string | null = null;
  if (hits.length > q.limit && last) {
    nextCursor =
      ordering.kind === "keyset"
        ? encodeCursor({
            order: plan.order,
            keys: [
              ...ordering.keys.map((k) => Number(last[k.field as keyof ListingDocument])),
              last.tiebreak,
            ],
          })
        : encodeCursor({ order: plan.order, keys: [], extra: { snapshot, offset: offset + q.limit } });
  }
  const priceCounts = new Map(facetCounts(prices).map((c) => [c.value, c.count]));
  return {
    hits: shown.map((doc) => toHit(plan, doc)),
    facets: {
      propertyType: sortFacet(facetCounts(types)),
      amenities: sortFacet(facetCounts(amenities)),
      price: priceBuckets(plan.priceEdges, (i) => priceCounts.get(`b${i}`) ?? 0),
    },
    nextCursor,
  };
}

interface TypesenseResult {
  hits?: { document: ListingDocument }[];
  facet_counts?: { field_name: string; counts: { value: string; count: number }[] }[];
}

const facetCounts = (result: TypesenseResult | undefined) =>
  (result?.facet_counts?.[0]?.counts ?? []).map((c) => ({ value: c.value, count: c.count }));

/** Great-circle distance on the sphere Postgres' earthdistance uses (radius 6378.168 km). */
function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6378.168 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function toHit(plan: SearchPlan, doc: ListingDocument): SearchHit {
  return {
    id: doc.id,
    title: doc.title,
    city: doc.city,
    country: doc.country,
    lat: doc.lat,
    lng: doc.lng,
    coverPhotoUrl: doc.cover_photo_url || null,
    rating: { average: doc.rating_count > 0 ? doc.rating_x100 / 100 : null, count: doc.rating_count },
    nightlyPrice: doc.nightly_price,
    // Weekend price and discount included; per-date overrides are not in documents (schema.ts).
    totalPrice:
      plan.nights === null || plan.weekendNights === null
        ? null
        : documentStayTotal(doc, plan.nights, plan.weekendNights),
    nights: plan.nights,
    currency: doc.currency,
    propertyType: doc.property_type as PropertyType,
    bedrooms: doc.bedrooms,
    capacity: doc.capacity,
    instantBook: doc.instant_book,
    distanceKm: plan.center ? roundKm(distanceKm(plan.center, doc)) : null,
  };
}
