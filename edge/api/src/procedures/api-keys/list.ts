import { listApiKeys } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import { listApiKeysMeta, ZListApiKeysResponseSchema } from "./list.types.ts";

/** The member's active keys; the secret is never shown again. */
export const listProcedure = sessionProcedure
  .meta(listApiKeysMeta)
  .output(ZListApiKeysResponseSchema)
  .query(async ({ ctx }) => {
    const keys = await listApiKeys(ctx.services.db, ctx.actor.userId);
    return keys.map((key) => ({
      ...key,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      expiresAt: key.expiresAt?.toISOString() ?? null,
    }));
  });
