import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app.ts";
import { recordingSink } from "../src/metrics/data-points.ts";
import type { Clock } from "../src/services/clock.ts";
import { createIsolateState } from "../src/services/isolate-state.ts";
import { uniqueIp } from "./hardening-support.ts";
import { clientThrough, origin } from "./harness.ts";
import { createDraft, createHost, createPublished } from "./listings-support.ts";
import { lisbon } from "./ops-support.ts";

/**
 * An anonymous `listings.get` of a listing the isolate holds is answered from bytes serialized
 * once per view, without tRPC. These tests run their own app (their own isolate state), so they can
 * tell that path was taken (its answer is memoized per view) and check it answers exactly as tRPC.
 */

const somewhere = () => ({ lat: -40 + Math.random() * 80, lng: -150 + Math.random() * 300 });
const corsOrigin = () => env.CORS_ORIGINS?.split(",")[0] ?? "";

function isolatedWorker(opts: { clock?: Clock } = {}) {
  const isolate = createIsolateState();
  const sink = recordingSink();
  const app = createApp({ isolate, metrics: { dataPoints: sink }, ...opts });
  const call = async (path: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext();
    const response = await app.fetch(new Request(`${origin}${path}`, init), env, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
  const read = async (id: string, headers: Record<string, string> = {}) => {
    const response = await call(`/trpc/listings.get?input=${encodeURIComponent(JSON.stringify({ id }))}`, {
      headers,
    });
    return { response, body: await response.text() };
  };
  /** The body this isolate serialized for the listing's view, if the isolate-held answer served it. */
  const heldAnswer = (id: string) => {
    const view = isolate.listingViews.get(id, (opts.clock?.now() ?? new Date()).getTime());
    return view ? isolate.listingAnswers.get(view) : undefined;
  };
  return {
    isolate,
    sink,
    call,
    read,
    heldAnswer,
    client: (h: Record<string, string> = {}) => clientThrough(call, h),
  };
}

/** Headers a cache or browser acts on: all but the per-request ids. */
function stableHeaders(response: Response) {
  return [...response.headers].filter(([name]) => name !== "x-request-id" && name !== "x-trace-id");
}

afterEach(() => vi.restoreAllMocks());

describe("listings.get answered from the isolate", () => {
  it("gives an anonymous repeat read the same bytes and headers tRPC gives", async () => {
    const host = await createHost("isolate-answer-bytes");
    const listing = await createPublished(host, { ...somewhere(), city: "Porto" });
    const worker = isolatedWorker();
    const headers = { origin: corsOrigin(), "if-none-match": '"anything"' };

    const first = await worker.read(listing.id, headers);
    expect(first.response.headers.get("x-listing-cache")).toBe("miss");
    expect(worker.heldAnswer(listing.id)).toBeUndefined();

    const held = await worker.read(listing.id, headers);
    expect(held.response.status).toBe(200);
    expect(worker.heldAnswer(listing.id)).toBe(held.body);
    // A credential that verifies to nobody takes tRPC's path to the same (public) answer.
    const throughTrpc = await worker.read(listing.id, { ...headers, authorization: "Bearer not-a-token" });
    expect(throughTrpc.response.status).toBe(200);
    expect(held.body).toBe(throughTrpc.body);
    expect(stableHeaders(held.response)).toEqual(stableHeaders(throughTrpc.response));
    expect(Object.fromEntries(stableHeaders(held.response))).toMatchObject({
      "cache-control": "public, max-age=30, stale-while-revalidate=60",
      "content-type": "application/json",
      vary: "trpc-accept, accept, Origin",
      "x-listing-cache": "hit",
      "access-control-allow-origin": corsOrigin(),
    });
    // As before, no validators: If-None-Match gets the full answer, never a 304.
    expect(held.response.headers.has("etag")).toBe(false);
    expect(JSON.parse(held.body)).toMatchObject({
      result: { data: { id: listing.id, status: "published" } },
    });
  });

  it("shows an edit made in the same isolate at once, and forgets an unlisted listing", async () => {
    const host = await createHost("isolate-answer-edit");
    const listing = await createPublished(host, { ...somewhere(), city: "Lagos" });
    const worker = isolatedWorker();
    await worker.read(listing.id);
    const before = await worker.read(listing.id);
    expect(worker.heldAnswer(listing.id)).toBe(before.body);

    await worker
      .client(host.auth)
      .listings.update.mutate({ id: listing.id, changes: { title: "Terrace flat" } });
    const after = await worker.read(listing.id);
    expect(JSON.parse(after.body).result.data.title).toBe("Terrace flat");
    const again = await worker.read(listing.id);
    expect(worker.heldAnswer(listing.id)).toBe(again.body);
    expect(JSON.parse(again.body).result.data.title).toBe("Terrace flat");

    await worker.client(host.auth).listings.unlist.mutate({ id: listing.id });
    const hidden = await worker.read(listing.id);
    expect(hidden.response.status).toBe(404);
    expect(hidden.response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("never answers a draft to a stranger, nor a host's read of it from the isolate", async () => {
    const host = await createHost("isolate-answer-draft");
    const draft = await createDraft(host, "Unfinished studio");
    const worker = isolatedWorker();
    const byHost = await worker.read(draft.id, host.auth);
    expect(byHost.response.status).toBe(200);
    expect(byHost.response.headers.get("cache-control")).toBe("private, no-store");
    expect(worker.isolate.listingViews.get(draft.id, Date.now())).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const byStranger = await worker.read(draft.id);
      expect(byStranger.response.status).toBe(404);
      expect(byStranger.body).not.toContain("Unfinished studio");
    }
  });

  it("answers a signed-in reader privately, through the session checks", async () => {
    const host = await createHost("isolate-answer-signed-in");
    const listing = await createPublished(host, { ...somewhere(), city: "Tavira" });
    const worker = isolatedWorker();
    await worker.read(listing.id);
    const anonymous = await worker.read(listing.id);
    const signedIn = await worker.read(listing.id, host.auth);
    expect(signedIn.response.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.body).toBe(anonymous.body);
    // Logged out: the revoked token is refused on a procedure that needs it, and reads as anonymous here.
    await worker.client(host.auth).auth.logOut.mutate({});
    expect((await worker.call("/trpc/users.me", { headers: host.auth })).status).toBe(401);
    const revoked = await worker.read(listing.id, host.auth);
    expect(revoked.response.headers.get("cache-control")).toBe(
      "public, max-age=30, stale-while-revalidate=60",
    );
  });

  it("counts each answer in the metrics and logs it with its trace id", async () => {
    const host = await createHost("isolate-answer-metrics");
    const listing = await createPublished(host, { ...somewhere(), city: "Viseu" });
    const worker = isolatedWorker();
    await worker.read(listing.id);
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const path = `/trpc/listings.get?input=${encodeURIComponent(JSON.stringify({ id: listing.id }))}`;
    const pointsBefore = worker.sink.points.length;
    for (let i = 0; i < 3; i++) {
      const response = await worker.call(path, {
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
        cf: lisbon,
      } as RequestInit);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-trace-id")).toBe(traceId);
    }
    expect(worker.heldAnswer(listing.id)).toBeDefined();
    const points = worker.sink.points.slice(pointsBefore);
    expect(points).toHaveLength(3);
    for (const point of points) {
      expect(point).toMatchObject({ procedure: "listings.get", status: 200, colo: "LIS", method: "GET" });
    }
    const accessLines = lines.map((line) => JSON.parse(line)).filter((line) => line.message === "request");
    expect(accessLines).toHaveLength(3);
    for (const line of accessLines) {
      expect(line).toMatchObject({
        level: "info",
        traceId,
        method: "GET",
        path: "/trpc/listings.get",
        status: 200,
      });
      expect(typeof line.requestId).toBe("string");
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    }
  });

  it("spends the general rate limit: an address is refused after 600 reads a minute", async () => {
    const host = await createHost("isolate-answer-limit");
    const listing = await createPublished(host, { ...somewhere(), city: "Beja" });
    const at = new Date();
    const worker = isolatedWorker({ clock: { now: () => new Date(at) } });
    const ip = uniqueIp();
    let last: Response | undefined;
    for (let n = 0; n < 600; n++) {
      last = (await worker.read(listing.id, { "x-forwarded-for": ip })).response;
      if (last.status !== 200) break;
    }
    expect(last?.status).toBe(200);
    expect(worker.heldAnswer(listing.id)).toBeDefined();
    const refused = await worker.read(listing.id, { "x-forwarded-for": ip });
    expect(refused.response.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({
      error: { data: { code: "TOO_MANY_REQUESTS", path: "listings.get" } },
    });
    expect((await worker.read(listing.id, { "x-forwarded-for": uniqueIp() })).response.status).toBe(200);
  }, 60_000);
});
