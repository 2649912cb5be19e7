import { AppError } from "@hometrip/contracts";
import { revokeApiKey } from "@hometrip/core";
import { apiKeyOwnerProcedure } from "../../procedure-bases.ts";
import { revokeApiKeyMeta, ZRevokeApiKeyRequestSchema, ZRevokeApiKeyResponseSchema } from "./revoke.types.ts";

/** Revokes one of the member's own keys; another member's key id looks exactly like an unknown one. */
export const revokeProcedure = apiKeyOwnerProcedure
  .meta(revokeApiKeyMeta)
  .input(ZRevokeApiKeyRequestSchema)
  .output(ZRevokeApiKeyResponseSchema)
  .mutation(async ({ ctx, input }) => {
    // The base has checked the key is the caller's; revoking one already revoked is "not found".
    const revoked = await revokeApiKey(ctx.services.db, ctx.actor.userId, input.id, ctx.services.clock.now());
    if (!revoked) throw new AppError("NOT_FOUND", "No such API key");
    return { revoked: true as const };
  });
