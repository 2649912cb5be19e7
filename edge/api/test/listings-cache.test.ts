import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { withDatabase } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";
import { createDraft, createHost, createPublished, photos, putPhoto } from "./listings-support.ts";

const publicCacheControl = "public, max-age=30, stale-while-revalidate=60";
const somewhere = () => ({ lat: -40 + Math.random() * 80, lng: -150 + Math.random() * 300 });

/** listings.get as a browser sends it, with the response headers a cache would act on. */
async function readListing(
  id: string,
  headers: Record<string, string> = {},
  overrides: Record<string, string> = {},
) {
  const response = await settle(() => createTestClient(headers, overrides).listings.get.query({ id }));
  return {
    status: response.status,
    cacheControl: response.headers.get("cache-control"),
    cache: response.headers.get("x-listing-cache"),
    listing: response.data,
  };
}

/** Written straight to Postgres, behind the API's back: only an uncached read can see it. */
async function renameInDatabase(id: string, title: string) {
  await withDatabase((_db, pool) => pool.query("update listings set title = $1 where id = $2", [title, id]));
}

describe("listings.get cache", () => {
  it("serves a published listing from the cache until the host edits it, then shows the edit at once", async () => {
    const host = await createHost("listing-cache");
    const listing = await createPublished(host, { ...somewhere(), city: "Porto" });

    const first = await readListing(listing.id);
    expect(first).toMatchObject({ status: 200, cacheControl: publicCacheControl, cache: "miss" });
    expect(first.listing?.title).toBe("Harbour flat");

    await renameInDatabase(listing.id, "Renamed behind the API");
    const cached = await readListing(listing.id);
    expect(cached).toMatchObject({ status: 200, cacheControl: publicCacheControl, cache: "hit" });
    expect(cached.listing?.title).toBe("Harbour flat");

    const edited = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: listing.id,
        changes: { title: "Harbour flat with terrace" },
      }),
    );
    expect(edited.status).toBe(200);
    const fresh = await readListing(listing.id);
    expect(fresh.listing?.title).toBe("Harbour flat with terrace");
    expect(fresh.cache).toBe("miss");
    expect((await readListing(listing.id)).cache).toBe("hit");
  });

  it("a signed-in reader of a published listing shares the cache but gets a private answer", async () => {
    const host = await createHost("listing-cache-reader");
    const listing = await createPublished(host, { ...somewhere(), city: "Faro" });
    expect((await readListing(listing.id)).cache).toBe("miss");

    const byHost = await readListing(listing.id, host.auth);
    expect(byHost).toMatchObject({ status: 200, cacheControl: "private, no-store", cache: "hit" });
    expect(byHost.listing?.title).toBe("Harbour flat");
  });

  it("each photo change reaches the next public read at once", async () => {
    const host = await createHost("listing-cache-photos");
    const listing = await createPublished(host, { ...somewhere(), city: "Evora" });
    const ids = listing.photos.map((p) => p.id);
    /** Reads twice so the second answer comes from the cache, then returns what a guest sees. */
    const warm = async () => {
      await readListing(listing.id);
      const cached = await readListing(listing.id);
      expect(cached.cache).toBe("hit");
      return cached.listing?.photos.map((p) => p.id);
    };

    expect(await warm()).toEqual(ids);
    const uploaded = await putPhoto(listing.id, photos.jpeg(1200, 800), "image/jpeg", host.auth);
    expect(uploaded.status).toBe(201);
    const added = ((await uploaded.json()) as { id: string }).id;
    expect((await readListing(listing.id)).listing?.photos.map((p) => p.id)).toEqual([...ids, added]);

    expect(await warm()).toEqual([...ids, added]);
    const reversed = [added, ...ids].reverse();
    const reordered = await settle(() =>
      createTestClient(host.auth).listings.reorderPhotos.mutate({
        listingId: listing.id,
        photoIds: reversed,
      }),
    );
    expect(reordered.status).toBe(200);
    expect((await readListing(listing.id)).listing?.photos.map((p) => p.id)).toEqual(reversed);

    expect(await warm()).toEqual(reversed);
    const cover = ids[2] ?? "";
    expect(
      (
        await settle(() =>
          createTestClient(host.auth).listings.setCoverPhoto.mutate({
            listingId: listing.id,
            photoId: cover,
          }),
        )
      ).status,
    ).toBe(200);
    const afterCover = (await readListing(listing.id)).listing?.photos.map((p) => p.id);
    expect(afterCover?.[0]).toBe(cover);

    expect(await warm()).toEqual(afterCover);
    expect(
      (
        await settle(() =>
          createTestClient(host.auth).listings.deletePhoto.mutate({ listingId: listing.id, photoId: cover }),
        )
      ).status,
    ).toBe(200);
    const afterDelete = (await readListing(listing.id)).listing?.photos.map((p) => p.id);
    expect(afterDelete).toHaveLength(5);
    expect(afterDelete).not.toContain(cover);
  });

  it("unlisting hides a cached listing at once, and publishing again shows it", async () => {
    const host = await createHost("listing-cache-unlist");
    const listing = await createPublished(host, { ...somewhere(), city: "Braga" });
    await readListing(listing.id);
    expect((await readListing(listing.id)).cache).toBe("hit");

    expect(
      (await settle(() => createTestClient(host.auth).listings.unlist.mutate({ id: listing.id }))).status,
    ).toBe(200);
    const hidden = await readListing(listing.id);
    expect(hidden.status).toBe(404);
    expect(hidden.cacheControl).toBe("private, no-store");
    const toHost = await readListing(listing.id, host.auth);
    expect(toHost).toMatchObject({ status: 200, cacheControl: "private, no-store", cache: "uncacheable" });
    expect(toHost.listing?.status).toBe("unlisted");

    expect(
      (await settle(() => createTestClient(host.auth).listings.publish.mutate({ id: listing.id }))).status,
    ).toBe(200);
    const back = await readListing(listing.id);
    expect(back).toMatchObject({ status: 200, cacheControl: publicCacheControl });
    expect(back.listing?.status).toBe("published");
  });

  it("never caches a draft its host reads, and answers it private, no-store", async () => {
    const host = await createHost("listing-cache-draft");
    const draft = await createDraft(host, "Quiet studio");

    const first = await readListing(draft.id, host.auth);
    expect(first).toMatchObject({ status: 200, cacheControl: "private, no-store", cache: "uncacheable" });
    await renameInDatabase(draft.id, "Quiet studio, renamed");
    const second = await readListing(draft.id, host.auth);
    expect(second).toMatchObject({ status: 200, cacheControl: "private, no-store", cache: "uncacheable" });
    expect(second.listing?.title).toBe("Quiet studio, renamed");

    const toGuest = await readListing(draft.id);
    expect(toGuest.status).toBe(404);
    expect(toGuest.cacheControl).toBe("private, no-store");
  });

  // The Redis client retries a refused connection with backoff (several seconds per read).
  it("still answers from Postgres when Redis is down", { timeout: 60_000 }, async () => {
    const host = await createHost("listing-cache-outage");
    const listing = await createPublished(host, { ...somewhere(), city: "Tomar" });
    const down = { UPSTASH_REDIS_REST_URL: env.TEST_UNREACHABLE_URL };

    const answered = await readListing(listing.id, {}, down);
    expect(answered).toMatchObject({ status: 200, cacheControl: publicCacheControl, cache: "bypass" });
    expect(answered.listing?.title).toBe("Harbour flat");

    await renameInDatabase(listing.id, "Read from Postgres");
    expect((await readListing(listing.id, {}, down)).listing?.title).toBe("Read from Postgres");

    const draft = await createDraft(host, "Hidden draft");
    expect((await readListing(draft.id, {}, down)).status).toBe(404);
  });
});
