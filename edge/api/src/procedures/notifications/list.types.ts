import { zNotificationItem } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZListNotificationsRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(50).default(20),
    /** `nextCursor` of the previous page. */
    cursor: z.uuid().nullish(),
    unreadOnly: z.boolean().default(false),
  })
  .default({ limit: 20, unreadOnly: false });
export const ZListNotificationsResponseSchema = z.object({
  items: z.array(zNotificationItem),
  nextCursor: z.uuid().nullable(),
});
export type TListNotificationsRequest = z.input<typeof ZListNotificationsRequestSchema>;
export type TListNotificationsResponse = z.output<typeof ZListNotificationsResponseSchema>;

export const listNotificationsMeta = {
  summary: "The member's notifications, newest first, a page at a time",
} satisfies TrpcMeta;
