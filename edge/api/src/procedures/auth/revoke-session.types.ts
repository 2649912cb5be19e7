import * as z from "zod";

export const ZRevokeSessionRequestSchema = z.object({
  sessionId: z.uuid({ message: "must be a session id" }),
});

export const ZRevokeSessionResponseSchema = z.object({ ok: z.literal(true), current: z.boolean() });
