import { AppError } from "@hometrip/contracts";
import { Hono } from "hono";
import { resolveActor } from "../auth/actor.ts";
import type { Bindings, Variables } from "../context.ts";
import { assertAvatarBytes, declaredAvatarType, readAvatarBody } from "../users/avatar-image.ts";
import { avatarKeyPattern, replaceAvatar } from "../users/avatar-store.ts";
import { storedImageResponse } from "./stored-image.ts";

type AvatarEnv = { Bindings: Bindings & { AVATARS?: R2Bucket }; Variables: Variables };

function bucketOf(env: AvatarEnv["Bindings"]): R2Bucket {
  if (!env.AVATARS) throw new Error("The AVATARS R2 binding is missing");
  return env.AVATARS;
}

/**
 * Avatars travel as raw bytes, not through tRPC (JSON): PUT the image as the body, GET it back by
 * key. The caller is authenticated exactly as tRPC does it (cookie, bearer JWT or API key).
 */
export const avatarRoutes = new Hono<AvatarEnv>()
  .put("/users/me/avatar", async (c) => {
    const actor = await resolveActor(c.var.services, c.req.raw.headers);
    if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to continue");
    if (actor.kind === "apiKey" && !actor.scopes.includes("profile:write")) {
      throw new AppError("FORBIDDEN", 'This API key lacks the "profile:write" scope');
    }
    const contentType = declaredAvatarType(c.req.header("content-type"));
    const bytes = await readAvatarBody(c.req.raw);
    assertAvatarBytes(contentType, bytes);
    const result = await replaceAvatar(c.var.services, bucketOf(c.env), {
      userId: actor.userId,
      contentType,
      bytes,
    });
    return c.json(result);
  })
  .get("/avatars/:key", async (c) => {
    const key = c.req.param("key");
    const object = avatarKeyPattern.test(key) ? await bucketOf(c.env).get(key) : null;
    if (!object) throw new AppError("NOT_FOUND", "No such avatar");
    return storedImageResponse(object);
  });
