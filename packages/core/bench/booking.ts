/**
 * bun run bench:booking [--attempts N] [--max-connections N] [--unpooled]
 *
 * N guests (default 200) try to book overlapping stays on one home at the same instant, each with
 * its own signed quote, through the API Worker's deploy bundle in workerd (Miniflare, as
 * bench:search runs it) against a fresh migrated database, the Redis bridge, the QStash broker
 * and the Stripe stand-in. Exactly one may win; every other must get the clear 409; no loser may
 * have a payment. Before the timed burst, 20 guests book a home of their own (one wins) so the
 * Worker has compiled the create path, as a live isolate has. Prints latency percentiles, attempts answered per second, the machine's load,
 * and a last line to compare runs. The tunnel admits at most --max-connections database
 * connections at once and queues the rest, as Neon's pooled endpoint does in production.
 */
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createScratchDatabase } from "@hometrip/db/scratch";
import { startStripeStandIn } from "@hometrip/devstack";
import { startBenchApi } from "@hometrip/search/bench/api";
import { ms, summarize } from "@hometrip/search/bench/stats";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { descendantsCpuMs, samplePostgresCpu } from "@hometrip/testkit/process-cpu";
import pg from "pg";
import { signAccessToken } from "../src/auth/access-token.ts";

const { values: args } = parseArgs({
  options: {
    attempts: { type: "string", default: "200" },
    "max-connections": { type: "string", default: "40" },
    unpooled: { type: "boolean", default: false },
  },
});
const attempts = Number(args.attempts);
const warmUpAttempts = 20;
const maxConnections = Number(args["max-connections"]);
if (!Number.isInteger(attempts) || attempts < 2 || attempts > 5000) {
  console.error("--attempts must be an integer from 2 to 5000");
  process.exit(2);
}
const root = fileURLToPath(new URL("../../../", import.meta.url));
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const jwtKeys = [{ kid: "bench-1", secret: "bench-jwt-signing-secret-0123456789abcdef" }];
const stripeKey = "sk_test_bench_booking_0123456789abcdef";
const log = (line: string) => console.log(line);

const scratch = await createScratchDatabase({ prefix: "bench_booking", migrated: true });
const client = new pg.Client({ connectionString: scratch.url });
await client.connect();
const stripe = await startStripeStandIn({
  secretKey: stripeKey,
  publishableKey: "pk_test_bench_booking_0123456789",
});
let api: Awaited<ReturnType<typeof startBenchApi>> | undefined;

try {
  const { hostId, listingId, guestIds, warmUpListingId, warmUpGuestIds } = await seed(client, attempts);
  api = await startBenchApi({
    root,
    databaseUrl: scratch.url,
    redisUrl,
    runtime: "workerd",
    log,
    vars: { STRIPE_SECRET_KEY: stripeKey, STRIPE_API_BASE: stripe.url },
    maxDatabaseConnections: maxConnections,
    sessionPool: !args.unpooled,
  });
  const url = api.url;
  log(
    `home ${listingId} of host ${hostId}; ${attempts} guests; tunnel cap ${maxConnections} connections, ` +
      (args.unpooled ? "a new backend per connection" : "session pooling"),
  );

  // Each guest's own token and quote (not timed): overlapping 3-night stays from day 30, 31 or 32.
  const quoted = (home: string, ids: string[], firstAddress: number) =>
    inBatches(ids, 25, async (guestId, n) => {
      const i = firstAddress + n;
      const token = await signAccessToken(
        jwtKeys,
        { sub: guestId, sid: crypto.randomUUID(), role: "member", host: false },
        3600,
        new Date(),
      );
      const stay = {
        listingId: home,
        checkIn: utcDaysFromToday(30 + (i % 3)),
        checkOut: utcDaysFromToday(33 + (i % 3)),
        guests: 2,
      };
      const quote = await trpc(url, "bookings.quote", token, i, stay, "GET");
      const quoteToken = (quote.body as { result?: { data?: { quoteToken?: string } } }).result?.data
        ?.quoteToken;
      if (!quoteToken)
        throw new Error(`no quote for guest ${i}: ${JSON.stringify(quote.body).slice(0, 300)}`);
      return { guestId, token, quoteToken, index: i };
    });
  const fire = (gs: Awaited<ReturnType<typeof quoted>>) =>
    Promise.all(
      gs.map(async (g) => {
        const t0 = performance.now();
        const answer = await trpc(url, "bookings.create", g.token, g.index, {
          quoteToken: g.quoteToken,
          guests: 2,
          idempotencyKey: `bench-${g.guestId}`,
        });
        return { ...answer, ms: performance.now() - t0, guestId: g.guestId };
      }),
    );
  // Warm-up on a home of its own (not timed), as a live isolate has booked before: V8 compiles the
  // create path, the tunnel's pool and the stand-ins' connections are up.
  const warmUp = await fire(await quoted(warmUpListingId, warmUpGuestIds, attempts));
  if (warmUp.filter((o) => o.status === 200).length !== 1) throw new Error("the warm-up did not book once");
  log(`warm-up (not timed): ${warmUp.length} guests on a home of their own, one booked`);
  const guests = await quoted(listingId, guestIds, 0);

  const ownBackend = (await client.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
  // A backend per connection lives for one request, mostly between two samples: not measured.
  const postgresCpu = args.unpooled ? null : samplePostgresCpu(ownBackend, scratch.name);
  const loadBefore = loadavg();
  const cpuBefore = { bench: process.cpuUsage(), workerd: workerdCpuMs() };
  const started = performance.now();
  const outcomes = await fire(guests);
  const wallMs = performance.now() - started;
  const postgres = postgresCpu?.stop();
  const loadAfter = loadavg();
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const cpuMs = {
    // This process runs the stand-ins (tunnel, Redis bridge, broker, Stripe) and the HTTP client.
    standIns: (benchCpu.user + benchCpu.system) / 1000,
    workerd: workerdCpuMs() - cpuBefore.workerd,
  };

  const winners = outcomes.filter((o) => o.status === 200);
  const conflicts = outcomes.filter((o) => o.status === 409 && /just taken/.test(JSON.stringify(o.body)));
  const errors = outcomes.filter((o) => !winners.includes(o) && !conflicts.includes(o));
  for (const error of errors.slice(0, 5))
    log(`error ${error.status}: ${JSON.stringify(error.body).slice(0, 300)}`);

  // What is left behind: one booking, one payment, both the winner's.
  const rows = await client.query<{ guest_id: string; payments: number }>(
    `select b.guest_id, (select count(*)::int from payments p where p.booking_id = b.id) as payments
     from bookings b where b.listing_id = $1`,
    [listingId],
  );
  const allPayments = await client.query<{ n: number }>(
    "select count(*)::int as n from payments p join bookings b on b.id = p.booking_id where b.listing_id = $1",
    [listingId],
  );
  const consistent =
    rows.rows.length === winners.length &&
    rows.rows.every((r) => winners.some((w) => w.guestId === r.guest_id) && r.payments === 1) &&
    allPayments.rows[0]?.n === winners.length;
  if (!consistent)
    log(`INCONSISTENT: bookings ${JSON.stringify(rows.rows)}, payments ${allPayments.rows[0]?.n}`);

  const latency = summarize(outcomes.map((o) => o.ms));
  const perSecond = attempts / (wallMs / 1000);
  log(
    `machine: ${cpus().length} cores, load ${loadBefore.map((l) => l.toFixed(2)).join(" ")} before, ${loadAfter.map((l) => l.toFixed(2)).join(" ")} after`,
  );
  log(
    `burst of ${attempts} in ${ms(wallMs)} ms; latency p50 ${ms(latency.p50)} ms, p95 ${ms(latency.p95)} ms, p99 ${ms(latency.p99)} ms`,
  );
  log(
    `cpu during the burst: workerd ${ms(cpuMs.workerd)} ms, stand-ins and client ${ms(cpuMs.standIns)} ms, ` +
      (postgres
        ? `Postgres backends ${ms(postgres.ms)} ms (${postgres.backends} backends, sampled) `
        : "Postgres not counted ") +
      `= ${ms((cpuMs.workerd + cpuMs.standIns + (postgres?.ms ?? 0)) / attempts)} ms per attempt`,
  );
  log(`payments: ${allPayments.rows[0]?.n} (losers with a payment: ${consistent ? 0 : "see above"})`);
  log(
    `bench:booking attempts=${attempts} winners=${winners.length} conflicts=${conflicts.length} errors=${errors.length + (consistent ? 0 : 1)} per_s=${perSecond.toFixed(0)} p50_ms=${ms(latency.p50)} p95_ms=${ms(latency.p95)}`,
  );
  process.exitCode = winners.length === 1 && errors.length === 0 && consistent ? 0 : 1;
} finally {
  await api?.close();
  await stripe.close();
  await client.end();
  await scratch.drop();
}

async function seed(db: pg.Client, guests: number) {
  const host = await db.query<{ id: string }>(
    "insert into users (email, display_name) values ($1, 'Bench host') returning id",
    [`host-${crypto.randomUUID()}@bench.example.com`],
  );
  const hostId = host.rows[0]!.id;
  await db.query("insert into host_profiles (user_id, payouts_enabled) values ($1, true)", [hostId]);
  const home = (title: string) =>
    db.query<{ id: string }>(
      `insert into listings (host_id, title, property_type, status, address_line1, city, country, lat, lng, timezone,
         capacity, bedrooms, beds, baths, nightly_price, cleaning_fee, currency, published_at)
       values ($1, $2, 'house', 'published', 'Rua 1', 'Lisbon', 'PT', 38.7, -9.1, 'Europe/Lisbon',
         4, 2, 2, 1, 12000, 3000, 'EUR', now()) returning id`,
      [hostId, title],
    );
  const listing = await home("Bench home");
  const users = await db.query<{ id: string }>(
    `insert into users (email, display_name)
     select 'guest-' || g || '-' || gen_random_uuid() || '@bench.example.com', 'Bench guest ' || g
     from generate_series(1, $1) g returning id`,
    [guests],
  );
  const warmUpListing = await home("Bench warm-up home");
  const warmUpUsers = await db.query<{ id: string }>(
    `insert into users (email, display_name)
     select 'warm-up-' || g || '-' || gen_random_uuid() || '@bench.example.com', 'Bench warm-up guest ' || g
     from generate_series(1, $1) g returning id`,
    [warmUpAttempts],
  );
  return {
    hostId,
    listingId: listing.rows[0]!.id,
    guestIds: users.rows.map((r) => r.id),
    warmUpListingId: warmUpListing.rows[0]!.id,
    warmUpGuestIds: warmUpUsers.rows.map((r) => r.id),
  };
}

async function trpc(
  url: string,
  path: string,
  token: string,
  i: number,
  input: unknown,
  method: "GET" | "POST" = "POST",
) {
  const headers = {
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    // A distinct client address per guest: the per-IP API limits are not what this measures.
    "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  };
  const response =
    method === "GET"
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${url}/trpc/${path}`, { method, headers, body: JSON.stringify(input) });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function inBatches<T, R>(
  items: T[],
  size: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    out.push(...(await Promise.all(items.slice(start, start + size).map((item, j) => fn(item, start + j)))));
  }
  return out;
}

/** CPU milliseconds of the workerd processes this bench started (NaN, printed so, where /proc cannot tell). */
function workerdCpuMs(): number {
  return descendantsCpuMs("workerd") ?? Number.NaN;
}
