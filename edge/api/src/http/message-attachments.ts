import { AppError, MAX_ATTACHMENT_BYTES } from "@hometrip/contracts";
import { conversationParticipant, randomToken } from "@hometrip/core";
import { Hono } from "hono";
import { resolveActor } from "../auth/actor.ts";
import type { Bindings, Variables } from "../context.ts";
import { checkedListingPhoto } from "../listings/photo-upload.ts";
import { messageAttachmentBucket } from "../messages/attachments.ts";
import { readLimitedBody } from "../services/limited-body.ts";
import { storedImageResponse } from "./stored-image.ts";

type AttachmentEnv = { Bindings: Bindings & { MESSAGE_ATTACHMENTS?: R2Bucket }; Variables: Variables };

const keyPattern = /^[A-Za-z0-9_-]{32}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new AppError("NOT_FOUND", "No such conversation");

/** A signed-in participant of the conversation in the path, else "not found" (as for no such id). */
async function participantOf(c: { var: Variables; req: { raw: Request; param(name: "id"): string } }) {
  const actor = await resolveActor(c.var.services, c.req.raw.headers);
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  if (actor.kind === "apiKey") throw new AppError("FORBIDDEN", "Not available to API keys");
  const conversationId = c.req.param("id");
  if (!uuidPattern.test(conversationId)) throw notFound();
  await conversationParticipant(c.var.services.db, conversationId, actor.userId);
  return { conversationId, userId: actor.userId };
}

/**
 * Images in messages. Upload: PUT the image as the body (PNG, JPEG or WebP, checked by its magic
 * bytes, at most 5 MB); the answer's key goes in `messages.send`'s `attachmentKeys`. The bytes are
 * private to the conversation: served only to its participants, and never to a shared cache.
 */
export const messageAttachmentRoutes = new Hono<AttachmentEnv>()
  .put("/conversations/:id/attachments", async (c) => {
    const { conversationId, userId } = await participantOf(c);
    const bytes = await readLimitedBody(
      c.req.raw,
      MAX_ATTACHMENT_BYTES,
      () => new AppError("BAD_REQUEST", "An image may be at most 5 MB"),
    );
    const image = checkedListingPhoto(c.req.header("content-type"), bytes);
    const key = randomToken(24);
    await messageAttachmentBucket(c.env.MESSAGE_ATTACHMENTS).put(key, bytes, {
      httpMetadata: { contentType: image.type },
      customMetadata: {
        conversationId,
        uploaderId: userId,
        width: String(image.width),
        height: String(image.height),
      },
    });
    return c.json(
      { key, contentType: image.type, width: image.width, height: image.height, bytes: bytes.length },
      201,
    );
  })
  .get("/conversations/:id/attachments/:key", async (c) => {
    const { conversationId } = await participantOf(c);
    const key = c.req.param("key");
    const object = keyPattern.test(key)
      ? await messageAttachmentBucket(c.env.MESSAGE_ATTACHMENTS).get(key)
      : null;
    // A key from another conversation is "not found" here, even to someone who takes part in both.
    if (!object || object.customMetadata?.conversationId !== conversationId) {
      throw new AppError("NOT_FOUND", "No such attachment");
    }
    const response = storedImageResponse(object);
    response.headers.set("cache-control", "private, max-age=31536000, immutable");
    response.headers.set("vary", "authorization, cookie");
    return response;
  });
