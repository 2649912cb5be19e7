import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZListSessionsRequestSchema = z.void();

export const ZListSessionsResponseSchema = z.array(
  z.object({
    id: z.uuid(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    /** The session making this request. */
    current: z.boolean(),
  }),
);
export type TListSessionsRequest = z.input<typeof ZListSessionsRequestSchema>;
export type TListSessionsResponse = z.output<typeof ZListSessionsResponseSchema>;

export const listSessionsMeta = { summary: "The member's signed-in sessions" } satisfies TrpcMeta;
