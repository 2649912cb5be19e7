import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZUnreadCountResponseSchema = z.object({ count: z.number().int().min(0) });
export type TUnreadCountResponse = z.output<typeof ZUnreadCountResponseSchema>;

export const unreadCountMeta = {
  summary: "How many of the member's notifications are unread (the bell)",
} satisfies TrpcMeta;
