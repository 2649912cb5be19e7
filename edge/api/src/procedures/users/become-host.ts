import { becomeHost } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import { becomeHostMeta, ZBecomeHostResponseSchema } from "./become-host.types.ts";

/**
 * Creates the caller's host profile; calling again changes nothing. The access token's `host`
 * claim stays false until the next refresh, which is fine: hostProcedure (and users.me) read the
 * host profile from the database whenever the token says "not a host".
 */
export const becomeHostProcedure = sessionProcedure
  .meta(becomeHostMeta)
  .output(ZBecomeHostResponseSchema)
  .mutation(async ({ ctx }) => {
    const { created } = await becomeHost(ctx.services.db, ctx.actor.userId);
    if (created) ctx.services.logger.info("member became a host", { userId: ctx.actor.userId });
    return { isHost: true as const, created };
  });
