import { createApiKey } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import { createApiKeyMeta, ZCreateApiKeyRequestSchema, ZCreateApiKeyResponseSchema } from "./create.types.ts";

const dayMs = 86_400_000;

/** A new partner key for the signed-in member (never for another API key). */
export const createProcedure = sessionProcedure
  .meta(createApiKeyMeta)
  .input(ZCreateApiKeyRequestSchema)
  .output(ZCreateApiKeyResponseSchema)
  .mutation(({ ctx, input }) => {
    const now = ctx.services.clock.now();
    return createApiKey(ctx.services.db, {
      userId: ctx.actor.userId,
      name: input.name,
      scopes: input.scopes,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * dayMs) : null,
      now,
    });
  });
