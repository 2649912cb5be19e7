import { assert, describe, expect, it } from "vitest";
import { call, createTestClient, settle } from "./harness.ts";
import {
  createDraft,
  createHost,
  createPublished,
  type ListingBody,
  photos,
  putPhoto,
} from "./listings-support.ts";

type Photo = ListingBody["photos"][number];
type ErrorBody = { code: string; message: string };

async function upload(listingId: string, body: Uint8Array, type: string, auth: Record<string, string>) {
  const response = await putPhoto(listingId, body, type, auth);
  expect(response.status).toBe(201);
  return (await response.json()) as Photo;
}

describe("PUT /listings/:id/photos", () => {
  it.each([
    ["PNG", "image/png", photos.png(640, 480), 640, 480],
    ["JPEG", "image/jpeg", photos.jpeg(1024, 768), 1024, 768],
    ["lossy WebP", "image/webp", photos.webpLossy(800, 600), 800, 600],
    ["lossless WebP", "image/webp", photos.webpLossless(300, 200), 300, 200],
    ["extended WebP", "image/webp", photos.webpExtended(4000, 3000), 4000, 3000],
  ])(
    "stores a %s with the dimensions from its header and serves it with long cache headers",
    async (_l, type, bytes, width, height) => {
      const host = await createHost("photo-ok");
      const draft = await createDraft(host);
      const photo = await upload(draft.id, bytes, type, host.auth);
      expect(photo).toMatchObject({ width, height, position: 0 });
      expect(photo.url).toMatch(/^\/listing-photos\/[A-Za-z0-9_-]{32}$/);

      const served = await call(photo.url);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe(type);
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    },
  );

  it.each([
    [
      "a GIF",
      "image/gif",
      Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]),
      /PNG, JPEG or WebP/,
    ],
    [
      "an SVG",
      "image/svg+xml",
      new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      /PNG, JPEG or WebP/,
    ],
    ["no content type", null, photos.png(), /PNG, JPEG or WebP/],
    ["JPEG bytes declared as PNG", "image/png", photos.jpeg(), /not a PNG/],
    ["PNG bytes declared as WebP", "image/webp", photos.png(), /not a WEBP/],
    [
      "HTML declared as JPEG",
      "image/jpeg",
      new TextEncoder().encode("<script>alert(1)</script>"),
      /not a JPEG/,
    ],
    ["zero bytes", "image/png", new Uint8Array(), /empty/],
    ["a PNG cut off before its size", "image/png", photos.png().subarray(0, 14), /dimensions/],
    ["more than 10 MB", "image/jpeg", new Uint8Array(10 * 1024 * 1024 + 1).fill(0xff), /at most 10 MB/],
  ])("rejects %s with 400 and stores nothing", async (_l, type, body, message) => {
    const host = await createHost("photo-bad");
    const draft = await createDraft(host);
    const response = await putPhoto(draft.id, body, type, host.auth);
    expect(response.status).toBe(400);
    const error = (await response.json()) as ErrorBody;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect(
      (await settle(() => createTestClient(host.auth).listings.get.query({ id: draft.id }))).data.photos,
    ).toEqual([]);
  });

  it("answers 404 for a listing that does not exist and for an unknown photo key", async () => {
    const host = await createHost("photo-404");
    expect((await putPhoto(crypto.randomUUID(), photos.png(), "image/png", host.auth)).status).toBe(404);
    expect((await call(`/listing-photos/${"a".repeat(32)}`)).status).toBe(404);
    expect((await call("/listing-photos/..%2Fsecrets")).status).toBe(404);
  });
});

describe("managing a listing's photos", () => {
  it("reorders, picks the cover and deletes (the stored object too), keeping positions dense", async () => {
    const host = await createHost("photo-manage");
    const draft = await createDraft(host);
    const [a, b, c] = [
      await upload(draft.id, photos.png(100, 100), "image/png", host.auth),
      await upload(draft.id, photos.png(200, 100), "image/png", host.auth),
      await upload(draft.id, photos.png(300, 100), "image/png", host.auth),
    ] as [Photo, Photo, Photo];
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);

    const reordered = await settle(() =>
      createTestClient(host.auth).listings.reorderPhotos.mutate({
        listingId: draft.id,
        photoIds: [c.id, a.id, b.id],
      }),
    );
    expect(reordered.status).toBe(200);
    expect(reordered.data.map((p) => [p.id, p.position])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);

    const incomplete = await settle(() =>
      createTestClient(host.auth).listings.reorderPhotos.mutate({
        listingId: draft.id,
        photoIds: [a.id, b.id],
      }),
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.error?.issues?.map((i) => i.path)).toEqual(["photoIds"]);

    const cover = await settle(() =>
      createTestClient(host.auth).listings.setCoverPhoto.mutate({ listingId: draft.id, photoId: b.id }),
    );
    expect(cover.data.map((p) => p.id)).toEqual([b.id, c.id, a.id]);

    const deleted = await settle(() =>
      createTestClient(host.auth).listings.deletePhoto.mutate({ listingId: draft.id, photoId: c.id }),
    );
    expect(deleted.status).toBe(200);
    expect(deleted.data.map((p) => [p.id, p.position])).toEqual([
      [b.id, 0],
      [a.id, 1],
    ]);
    expect((await call(c.url)).status).toBe(404);
    expect((await call(a.url)).status).toBe(200);

    const again = await settle(() =>
      createTestClient(host.auth).listings.deletePhoto.mutate({ listingId: draft.id, photoId: c.id }),
    );
    expect(again.status).toBe(404);
  });

  it("keeps a published listing at five photos or more", async () => {
    const host = await createHost("photo-floor");
    const listing = await createPublished(host, {
      lat: 10 + Math.random(),
      lng: 20 + Math.random(),
      city: "Tavira",
    });
    const photoId = listing.photos[2]?.id;
    assert(photoId);
    const refused = await settle(() =>
      createTestClient(host.auth).listings.deletePhoto.mutate({ listingId: listing.id, photoId }),
    );
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/at least 5 photos/);
    await upload(listing.id, photos.jpeg(), "image/jpeg", host.auth);
    const allowed = await settle(() =>
      createTestClient(host.auth).listings.deletePhoto.mutate({ listingId: listing.id, photoId }),
    );
    expect(allowed.status).toBe(200);
    expect(allowed.data.map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);
  });
});
