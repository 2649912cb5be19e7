import { AppError } from "@hometrip/contracts";
import { addListingPhoto, randomToken } from "@hometrip/core";
import { Hono } from "hono";
import { resolveActor } from "../auth/actor.ts";
import { assertHost } from "../auth/roles.ts";
import type { Bindings, Variables } from "../context.ts";
import { listingPhotoBucket } from "../listings/photo-bucket.ts";
import { checkedListingPhoto, readListingPhotoBody } from "../listings/photo-upload.ts";
import { storedImageResponse } from "./stored-image.ts";

type PhotoEnv = { Bindings: Bindings & { LISTING_PHOTOS?: R2Bucket }; Variables: Variables };

const photoKeyPattern = /^[A-Za-z0-9_-]{32}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Photo bytes travel raw, not through tRPC (JSON). Upload: PUT the image as the body; the key is
 * random, so a URL's bytes never change and may be cached for a year.
 */
export const listingPhotoRoutes = new Hono<PhotoEnv>()
  .put("/listings/:id/photos", async (c) => {
    const services = c.var.services;
    const actor = await resolveActor(services, c.req.raw.headers);
    if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to continue");
    if (actor.kind === "apiKey") throw new AppError("FORBIDDEN", "Not available to API keys");
    await assertHost(services.db, actor);
    const listingId = c.req.param("id");
    if (!uuidPattern.test(listingId)) throw new AppError("NOT_FOUND", "No such listing");

    const bytes = await readListingPhotoBody(c.req.raw);
    const image = checkedListingPhoto(c.req.header("content-type"), bytes);
    const bucket = listingPhotoBucket(c.env.LISTING_PHOTOS);
    const key = randomToken(24);
    await bucket.put(key, bytes, {
      httpMetadata: { contentType: image.type },
      customMetadata: { listingId },
    });
    try {
      const change = await addListingPhoto(services.db, actor, listingId, {
        key,
        width: image.width,
        height: image.height,
      });
      // The post-commit step runs in `init` once this answer is built, before it leaves.
      return c.json(change.value, 201);
    } catch (error) {
      // Refused or failed: the object must not outlive the row that never came to be.
      await bucket.delete(key).catch(() => {});
      throw error;
    }
  })
  .get("/listing-photos/:key", async (c) => {
    const key = c.req.param("key");
    const object = photoKeyPattern.test(key) ? await listingPhotoBucket(c.env.LISTING_PHOTOS).get(key) : null;
    if (!object) throw new AppError("NOT_FOUND", "No such photo");
    return storedImageResponse(object);
  });
