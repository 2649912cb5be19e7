import { env } from "cloudflare:workers";
import { recordEvent } from "@hometrip/core";
import { createRedis } from "@hometrip/kv";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import type { AnyRouter } from "@trpc/server";
import { initTRPC } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/router.ts";
import { authedProcedure, createCallerFactory, router, type TrpcContext } from "../src/trpc.ts";
import { readOutboxRow, sql } from "./db.ts";
import { createTestClient, settle, withRequestContext } from "./harness.ts";
import { createHost, createPublished } from "./listings-support.ts";
import { proceduresWithoutPostCommit } from "./security-support.ts";

/**
 * The post-commit step: a write records its events, and the step every procedure (and HTTP route)
 * runs afterwards relays them and applies the invalidations their types call for. Nothing in a
 * procedure asks for it, so these tests write through procedures that do nothing but write.
 */

const redis = () =>
  createRedis({ url: env.UPSTASH_REDIS_REST_URL ?? "", token: env.UPSTASH_REDIS_REST_TOKEN ?? "" });
const searchVersion = () => redis().get<string>("search:version:all");
const listingViewVersion = (listingId: string) => redis().get<string>(`listing-view-v2:version:${listingId}`);

/** A router of one procedure on the real authed base, which records a listing change and nothing else. */
const writer = router({
  recordsChange: authedProcedure.mutation(async ({ ctx }) => {
    const listingId = (ctx as unknown as { listingId: string }).listingId;
    return ctx.services.db.transaction((tx) =>
      recordEvent(tx, "listing.changed", { listingIds: [listingId], cause: "listing" }),
    );
  }),
  rollsBack: authedProcedure.mutation(async ({ ctx }) => {
    const listingId = (ctx as unknown as { listingId: string }).listingId;
    let recorded = "";
    await ctx.services.db
      .transaction(async (tx) => {
        recorded = (await recordEvent(tx, "listing.changed", { listingIds: [listingId], cause: "listing" }))
          .id;
        throw new Error("changed my mind");
      })
      .catch(() => {});
    return { id: recorded };
  }),
});

const callerOf = createCallerFactory(writer);
type WriterCaller = ReturnType<typeof callerOf>;

async function asHost<T>(tag: string, use: (call: WriterCaller, listingId: string) => Promise<T>) {
  const host = await createHost(tag);
  const listing = await createPublished(host, { lat: 10, lng: 10, city: "Porto" });
  return withRequestContext({ headers: host.auth }, (ctx: TrpcContext) =>
    use(callerOf({ ...ctx, listingId: listing.id } as TrpcContext), listing.id),
  );
}

describe("the post-commit step", () => {
  it("relays what a procedure committed and applies its event type's invalidations, unasked", async () => {
    const before = { search: await searchVersion() };
    let eventId = "";
    let listingId = "";
    const viewBefore = await asHost("post-commit-write", async (call, id) => {
      listingId = id;
      const view = await listingViewVersion(id);
      eventId = (await call.recordsChange()).id;
      // The invalidations are done before the procedure's answer is handed back.
      expect(await searchVersion()).not.toEqual(before.search);
      expect(await listingViewVersion(id)).not.toEqual(view);
      return view;
    });
    expect(listingId).not.toBe("");
    expect(await listingViewVersion(listingId)).not.toEqual(viewBefore);
    // The relay ran after the answer (the request's waitUntil), and published the row.
    expect((await readOutboxRow(eventId))?.published_at).not.toBeNull();
  });

  it("ignores an event whose transaction rolled back", async () => {
    await asHost("post-commit-rollback", async (call, listingId) => {
      const search = await searchVersion();
      const view = await listingViewVersion(listingId);
      const { id } = await call.rollsBack();
      expect(id).not.toBe("");
      expect(await readOutboxRow(id)).toBeUndefined();
      expect(await searchVersion()).toEqual(search);
      expect(await listingViewVersion(listingId)).toEqual(view);
    });
  });

  it("a calendar change drops cached searches but keeps the listing's cached view", async () => {
    const host = await createHost("post-commit-calendar");
    const listing = await createPublished(host, { lat: 11, lng: 11, city: "Braga" });
    const search = await searchVersion();
    const view = await listingViewVersion(listing.id);
    const from = utcDaysFromToday(40);
    const to = utcDaysFromToday(42);
    const blocked = await settle(() =>
      createTestClient(host.auth).calendar.blockDates.mutate({ listingId: listing.id, from, to }),
    );
    expect(blocked.status).toBe(200);
    expect(await searchVersion()).not.toEqual(search);
    expect(await listingViewVersion(listing.id)).toEqual(view);
    const [row] = await sql<{ published_at: Date | null }>(
      "select published_at from outbox where payload->'listingIds' ? $1 and payload->>'cause' = 'calendar'",
      [listing.id],
    );
    expect(row?.published_at).not.toBeNull();
  });
});

describe("no procedure writes without the post-commit step", () => {
  it("every procedure of the router carries it", () => {
    expect(proceduresWithoutPostCommit(appRouter)).toEqual([]);
  });

  it("a procedure built on anything but our bases is caught", () => {
    const bare = initTRPC.context<TrpcContext>().create();
    const rogue = bare.router({ writesQuietly: bare.procedure.mutation(() => "wrote") });
    const merged = router({ ok: router({ recordsChange: writer.recordsChange }), rogue }) as AnyRouter;
    expect(proceduresWithoutPostCommit(merged)).toEqual(["rogue.writesQuietly"]);
  });

  it("no procedure, HTTP route or worker handler relays the outbox, invalidates a cache or delivers to rooms by hand", () => {
    // Vite's glob import, read at transform time (the Worker has no file system).
    const sources: Record<string, string> = import.meta.glob(
      ["../src/*/**/*.ts", "../../../workers/src/**/*.ts"],
      {
        query: "?raw",
        import: "default",
        eager: true,
      },
    );
    expect(Object.keys(sources).filter((path) => path.includes("/workers/src/")).length).toBeGreaterThan(5);
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const byHand =
      /\b(relayOutbox|bumpSearchVersion|runPostCommit|deliverCommittedToRooms|listingViewCache|searchPageCache)\(|\.invalidate\(/;
    // The service bundle holds the one step and `init` runs it after every HTTP route; the listing
    // cache module only reads views. In workers/, `events/after-commit.ts` holds the same step, run
    // after every event delivery and job that writes, and the outbox sweep relays what no request did.
    const allowed = [
      "/edge/api/src/services/index.ts",
      "../src/services/index.ts",
      "../src/middleware/init.ts",
      "../src/listings/listing-cache.ts",
      "/workers/src/events/after-commit.ts",
      "/workers/src/routes/outbox-sweep.ts",
    ];
    const offenders = Object.entries(sources)
      .filter(([path, text]) => byHand.test(text) && !allowed.some((ok) => path.endsWith(ok)))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
