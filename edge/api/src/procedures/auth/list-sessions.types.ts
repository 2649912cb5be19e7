import * as z from "zod";

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
