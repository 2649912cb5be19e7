import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZRevokeSessionRequestSchema = z.object({
  sessionId: z.uuid({ message: "must be a session id" }),
});

export const ZRevokeSessionResponseSchema = z.object({ ok: z.literal(true), current: z.boolean() });
export type TRevokeSessionRequest = z.input<typeof ZRevokeSessionRequestSchema>;
export type TRevokeSessionResponse = z.output<typeof ZRevokeSessionResponseSchema>;

export const revokeSessionMeta = { summary: "End one of the member's sessions" } satisfies TrpcMeta;
