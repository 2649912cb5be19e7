import { zNotificationItem, zText } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZListNotificationsRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(50).default(20),
    /** `nextCursor` of the previous page. */
    cursor: zText({ max: 80 })
      .regex(/^[0-9T:.Z-]+\|[0-9a-f-]{36}$/, { message: "is not a page cursor" })
      .nullish(),
    unreadOnly: z.boolean().default(false),
  })
  .default({ limit: 20, unreadOnly: false });
export const ZListNotificationsResponseSchema = z.object({
  items: z.array(zNotificationItem),
  nextCursor: z.string().nullable(),
});
export type TListNotificationsRequest = z.input<typeof ZListNotificationsRequestSchema>;
export type TListNotificationsResponse = z.output<typeof ZListNotificationsResponseSchema>;

export const listNotificationsMeta = {
  summary: "The member's notifications, newest first, a page at a time",
} satisfies TrpcMeta;
