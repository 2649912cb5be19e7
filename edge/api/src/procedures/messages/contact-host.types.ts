import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZContactHostRequestSchema = z.object({ listingId: z.uuid() });
export const ZContactHostResponseSchema = z.object({ conversationId: z.uuid(), created: z.boolean() });
export type TContactHostRequest = z.input<typeof ZContactHostRequestSchema>;
export type TContactHostResponse = z.output<typeof ZContactHostResponseSchema>;

export const contactHostMeta = {
  summary:
    "The caller's conversation with a listing's host: the open inquiry or booking thread, else a new inquiry",
} satisfies TrpcMeta;
