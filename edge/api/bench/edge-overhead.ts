/**
 * bun run bench:edge [--seconds N] [--connections N] [--rounds N]
 *
 * The cost of the middleware stack (request id, logging, config, CORS, services, metrics, rate
 * limit, auth, tRPC) on the cheapest read there is: a cached `listings.get`, against a bare Worker
 * answering the same bytes. Both run in workerd through Miniflare (the `wrangler deploy` bundle for
 * the app), both are driven by autocannon with the same clients (a pool of client addresses, as
 * many visitors would be), alternating app and bare per round. Last line:
 * `bench:edge rps_app=… rps_bare=… ratio=…`.
 */
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startBenchApi } from "@hometrip/search/bench-api";
import { createTestDatabase } from "@hometrip/testkit";
import autocannon from "autocannon";
import { SQL } from "bun";
import { Miniflare } from "miniflare";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "32" },
    rounds: { type: "string", default: "2" },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const rounds = Number(args.rounds);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const log = (line: string) => console.log(line);

const database = await createTestDatabase({ prefix: "bench_edge" });
const cleanups: (() => Promise<unknown>)[] = [() => database.drop()];
try {
  const listingId = await insertPublishedListing(database.url);
  // Its own metrics keys: the bench's calls must not show up on a developer's ops page. Access
  // lines as deployed (wrangler.toml's staging and production vars): errors and slow answers only.
  const vars = { METRICS_KEY_PREFIX: "bench-edge-metrics", ACCESS_LOG: "errors" };
  const api = await startBenchApi({
    root,
    databaseUrl: database.url,
    redisUrl,
    runtime: "workerd",
    log,
    vars,
  });
  cleanups.push(() => api.close());
  const path = `/trpc/listings.get?input=${encodeURIComponent(JSON.stringify({ id: listingId }))}`;

  // The first read fills the cache; the answer a hit gives is what the bare Worker serves.
  await fetch(`${api.url}${path}`).then((r) => r.arrayBuffer());
  const hit = await fetch(`${api.url}${path}`);
  const body = await hit.text();
  if (hit.status !== 200 || hit.headers.get("x-listing-cache") !== "hit") {
    throw new Error(
      `expected a cache hit, got ${hit.status} ${hit.headers.get("x-listing-cache")}: ${body.slice(0, 200)}`,
    );
  }
  const bare = await startBareWorker(body, hit.headers);
  cleanups.push(() => bare.dispose());
  const bareUrl = (await bare.ready).origin;
  log(`listings.get answer: ${body.length} bytes; app ${api.url}, bare ${bareUrl}`);

  const app: number[] = [];
  const plain: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    app.push(await load(`${api.url}${path}`, "app", round));
    plain.push(await load(`${bareUrl}${path}`, "bare", round));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const rpsApp = Math.round(mean(app));
  const rpsBare = Math.round(mean(plain));
  log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  log(`bench:edge rps_app=${rpsApp} rps_bare=${rpsBare} ratio=${(rpsApp / rpsBare).toFixed(2)}`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}

/** Requests per second of one autocannon run; every non-2xx answer fails the bench. */
async function load(url: string, label: string, round: number): Promise<number> {
  let client = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // 512 visitors: enough that no address nears the per-address limit (600 a minute).
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, "x-forwarded-for": `10.0.${(client >> 8) & 1}.${client++ & 255}` },
        }),
      },
    ],
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  log(
    `round ${round} ${label.padEnd(4)}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${bad} failed`,
  );
  if (bad > 0) throw new Error(`${label}: ${bad} requests failed (non-2xx, errors or timeouts)`);
  return result.requests.average;
}

/** A Worker that answers every request with the app's bytes and headers, and does nothing else. */
function startBareWorker(body: string, headers: Headers): Miniflare {
  const kept = Object.fromEntries(
    ["content-type", "cache-control", "x-listing-cache", "vary"].flatMap((name) => {
      const value = headers.get(name);
      return value ? [[name, value]] : [];
    }),
  );
  return new Miniflare({
    name: "bare",
    modules: true,
    compatibilityDate: "2026-04-26",
    script: `const body = ${JSON.stringify(body)}; const headers = ${JSON.stringify(kept)};
export default { fetch() { return new Response(body, { headers }); } };`,
    host: "127.0.0.1",
    port: 0,
  });
}

async function insertPublishedListing(databaseUrl: string): Promise<string> {
  const sql = new SQL(databaseUrl);
  try {
    const [host] = await sql`insert into users (email, display_name)
      values ('bench-host@example.test', 'Bench Host') returning id`;
    await sql`insert into host_profiles (user_id) values (${host.id})`;
    const description = "A bright flat above the river. ".repeat(40);
    const [listing] =
      await sql`insert into listings (host_id, title, description, property_type, address_line1,
        city, country, lat, lng, timezone, capacity, bedrooms, beds, baths, nightly_price, cleaning_fee, currency,
        min_nights, max_nights, status)
      values (${host.id}, 'Harbour flat with a view of the river', ${description}, 'apartment', 'Rua das Flores 12',
        'Porto', 'PT', 41.14, -8.61, 'Europe/Lisbon', 4, 2, 2, 1, 12000, 3000, 'EUR', 2, 30, 'published')
      returning id`;
    return listing.id as string;
  } finally {
    await sql.close();
  }
}
