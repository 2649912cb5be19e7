import { listSessions } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import {
  listSessionsMeta,
  ZListSessionsRequestSchema,
  ZListSessionsResponseSchema,
} from "./list-sessions.types.ts";

/** The caller's own live sessions, most recently used first. */
export const listSessionsProcedure = sessionProcedure
  .meta(listSessionsMeta)
  .input(ZListSessionsRequestSchema)
  .output(ZListSessionsResponseSchema)
  .query(async ({ ctx }) => {
    const sessions = await listSessions(ctx.services.db, ctx.actor.userId, ctx.services.clock.now());
    // No tRPC transformer: dates travel as ISO strings, and the schema says so.
    return sessions.map((session) => ({
      ...session,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      current: session.id === ctx.actor.sessionId,
    }));
  });
