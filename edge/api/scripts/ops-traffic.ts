/**
 * bun run ops:traffic [--api http://127.0.0.1:8787] [--seconds 120] [--rps 15]
 *
 * Replays a mix of visits (search, listing views, quotes, a few 4xx, auth failures, slow calls)
 * against the local API as if from several Cloudflare colos, so the ops dashboard has data. Each
 * request carries its `cf` object in Miniflare's `MF-CF-Blob` header: the local runtime (wrangler
 * dev, Miniflare) sets `request.cf` from it. Cloudflare itself ignores the header, so production
 * metrics cannot be forged this way.
 */
import { parseArgs } from "node:util";
import { parseDevstackEnv } from "@hometrip/config";
import { type Landing, landings, pickWeighted, type Visit, visitWeights } from "./traffic-mix.ts";

const devstack = parseDevstackEnv(process.env);
const { values: args } = parseArgs({
  options: {
    api: { type: "string", default: `http://${devstack.DEV_HOST}:${devstack.API_PORT}` },
    seconds: { type: "string", default: "120" },
    rps: { type: "string", default: "15" },
  },
});
const api = args.api.replace(/\/$/, "");
const seconds = Number(args.seconds);
const rps = Number(args.rps);

const trpc = (path: string, input?: unknown) =>
  `${api}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
const isoDay = (daysFromToday: number) =>
  new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
const around = (lat: number, lng: number, span: number) => ({
  south: lat - span,
  north: lat + span,
  west: lng - span,
  east: lng + span,
});
const cities = [
  [38.72, -9.14],
  [41.15, -8.61],
  [40.42, -3.7],
  [48.86, 2.35],
  [51.51, -0.13],
  [52.52, 13.4],
] as const;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function send(landing: Landing, url: string, init: RequestInit = {}): Promise<number> {
  const { weight: _weight, ...cf } = landing;
  const visitor = `198.51.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250) + 1}`;
  const response = await fetch(url, {
    ...init,
    headers: { ...init.headers, "MF-CF-Blob": JSON.stringify(cf), "x-forwarded-for": visitor },
  });
  await response.arrayBuffer();
  return response.status;
}

async function listingIds(): Promise<string[]> {
  const response = await fetch(trpc("search.listings", { bounds: around(40, -5, 12), limit: 50 }));
  const body = (await response.json()) as { result?: { data: { hits: { id: string }[] } } };
  const ids = body.result?.data.hits.map((hit) => hit.id) ?? [];
  if (ids.length === 0)
    throw new Error(`no listings found at ${api}: is \`bun run dev\` running with demo data?`);
  return ids;
}

function visit(kind: Visit, landing: Landing, ids: string[]): Promise<number> {
  const [lat, lng] = pick(cities);
  switch (kind) {
    case "search":
      return send(landing, trpc("search.listings", { bounds: around(lat, lng, 0.2), limit: 20 }));
    case "searchNear":
      return send(landing, trpc("search.listings", { near: { lat, lng, radiusKm: 15 }, guests: 2 }));
    case "listing":
      return send(landing, trpc("listings.get", { id: pick(ids) }));
    case "quote": {
      const start = 10 + Math.floor(Math.random() * 60);
      const input = { listingId: pick(ids), checkIn: isoDay(start), checkOut: isoDay(start + 3), guests: 2 };
      return send(landing, trpc("listings.quote", input));
    }
    case "missingListing":
      return send(landing, trpc("listings.get", { id: crypto.randomUUID() }));
    case "badSearch":
      return send(landing, trpc("search.listings", { guests: 0 }));
    case "wrongPassword":
      return send(landing, trpc("auth.logIn"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          email: `nobody-${Math.floor(Math.random() * 1e6)}@example.com`,
          password: "not the password",
        }),
      });
    case "signedOutProfile":
      return send(landing, trpc("users.me"));
    case "health":
      return send(landing, `${api}/health`);
    case "slowSearch":
      return send(
        landing,
        trpc("search.listings", { text: "flat", bounds: around(45, 5, 25), limit: 50, sort: "price_asc" }),
      );
  }
}

const ids = await listingIds();
const landingsByWeight = landings.map((l) => [l, l.weight] as [Landing, number]);
const visits = Object.entries(visitWeights) as [Visit, number][];
const counts = new Map<string, number>();
const deadline = Date.now() + seconds * 1000;
let sent = 0;
console.log(`ops:traffic → ${api}: ${rps} requests/s for ${seconds} s from ${landings.length} colos`);
const inFlight = new Set<Promise<void>>();
while (Date.now() < deadline) {
  const tickStart = Date.now();
  for (let i = 0; i < rps; i++) {
    const landing = pickWeighted(landingsByWeight, Math.random);
    const kind = pickWeighted(visits, Math.random);
    const task = visit(kind, landing, ids)
      .then((status) => {
        const key = `${Math.floor(status / 100)}xx`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      })
      .catch(() => {
        counts.set("failed", (counts.get("failed") ?? 0) + 1);
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    sent += 1;
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - tickStart))));
  if (sent % (rps * 10) === 0)
    console.log(`${sent} sent: ${[...counts].map(([k, v]) => `${k} ${v}`).join(", ")}`);
}
await Promise.all(inFlight);
console.log(`ops:traffic done: ${sent} requests; ${[...counts].map(([k, v]) => `${k} ${v}`).join(", ")}`);
