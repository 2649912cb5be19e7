import type { SearchQueryInput } from "@hometrip/contracts";
import autocannon from "autocannon";
import { ms, type Summary, summarize } from "./stats.ts";

export interface ConcurrentResult {
  /** How long the run lasted (autocannon's measure). */
  seconds: number;
  connections: number;
  /** Answered searches per second over the run, all queries together. */
  qps: number;
  /** Round-trip milliseconds per representative query (by index), as seen by the clients. */
  samples: number[][];
  /** Answers served from the search cache; every request is meant to miss it. */
  cacheHits: number;
}

/**
 * Drives the representative searches through the API with autocannon, `connections` clients at
 * once for `seconds`, each client taking the queries in turn. Every request moves the map viewport
 * by 1e-7° so that it is a new cache key (as distinct visitors panning the map are) and the
 * Worker runs the search; a distinct client address per request keeps the per-IP limit away.
 * Latency per query is timed from building the request to its answer, one request in flight per
 * connection.
 */
export async function runConcurrentSearches(opts: {
  url: string;
  queries: readonly { query: SearchQueryInput }[];
  connections: number;
  seconds: number;
}): Promise<ConcurrentResult> {
  const samples = opts.queries.map(() => [] as number[]);
  let sent = 0;
  let cacheHits = 0;
  let failure: string | undefined;
  type Timing = { query?: number; started?: number };
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        setupRequest: (request, context) => {
          const n = sent++;
          const index = n % opts.queries.length;
          const { query } = opts.queries[index]!;
          // Coordinates carry at most 7 decimals: step by 1e-7° (1 cm), which no result notices.
          // From one step on: the unmoved query is in the cache since the sequential rounds.
          const steps = 1 + Math.floor(n / opts.queries.length);
          const moved = query.bounds
            ? {
                ...query,
                bounds: { ...query.bounds, north: Math.round(query.bounds.north * 1e7 + steps) / 1e7 },
              }
            : query;
          Object.assign(context as Timing, { query: index, started: performance.now() });
          return {
            ...request,
            path: `/trpc/search.listings?input=${encodeURIComponent(JSON.stringify(moved))}`,
            headers: {
              ...request.headers,
              "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
          };
        },
        onResponse: (status, body, context, headers) => {
          const { query, started } = context as Timing;
          if (query === undefined || started === undefined) return;
          if (status !== 200) failure ??= `API answered ${status}: ${body.slice(0, 300)}`;
          const cache = Object.entries(headers ?? {}).find(
            ([name]) => name.toLowerCase() === "x-search-cache",
          );
          if (cache?.[1] === "hit") cacheHits++;
          samples[query]!.push(performance.now() - started);
        },
      },
    ],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failure || failed > 0) {
    throw new Error(
      `${failed} of ${result.requests.total} concurrent searches failed${failure ? `; first: ${failure}` : ""}`,
    );
  }
  const answered = samples.reduce((n, s) => n + s.length, 0);
  return {
    seconds: result.duration,
    connections: opts.connections,
    qps: answered / result.duration,
    samples,
    cacheHits,
  };
}

/** The table `bench:search --concurrent` prints, and the overall latency under load. */
export function concurrentReport(
  result: ConcurrentResult,
  queries: readonly { name: string }[],
  describe: string,
): { lines: string[]; all: Summary } {
  const pad = (s: string, n: number) => s.padEnd(n);
  const all = summarize(result.samples.flat());
  const row = (name: string, samples: number[], s: Summary) =>
    `${pad(name, 26)}${pad(String(samples.length), 10)}${pad((samples.length / result.seconds).toFixed(1), 8)}${ms(s.p50)}/${ms(s.p95)}/${ms(s.p99)}`;
  const lines = [
    `\nunder load: ${result.connections} connections for ${result.seconds} s through the ${describe}, every search a cache miss${result.cacheHits ? ` (but ${result.cacheHits} hits)` : ""}; milliseconds`,
    `${pad("query", 26)}${pad("answered", 10)}${pad("qps", 8)}p50/p95/p99`,
    ...queries.map(({ name }, i) => row(name, result.samples[i]!, summarize(result.samples[i]!))),
    `${pad("all", 26)}${pad(String(result.samples.flat().length), 10)}${pad(result.qps.toFixed(1), 8)}${ms(all.p50)}/${ms(all.p95)}/${ms(all.p99)}`,
  ];
  return { lines, all };
}
