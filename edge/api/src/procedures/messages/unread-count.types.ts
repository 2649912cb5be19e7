import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZUnreadCountRequestSchema = z.void();
export const ZUnreadCountResponseSchema = z.object({ total: z.number().int() });
export type TUnreadCountRequest = z.input<typeof ZUnreadCountRequestSchema>;
export type TUnreadCountResponse = z.output<typeof ZUnreadCountResponseSchema>;

export const unreadCountMeta = {
  summary: "Unread messages across all the caller's conversations",
} satisfies TrpcMeta;
