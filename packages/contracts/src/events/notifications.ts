import * as z from "zod";
import { zNotificationCategory } from "../notifications.ts";
import { defineEvent } from "./define.ts";

export const notificationEvents = {
  "notification.created": defineEvent({
    version: 1,
    description:
      "An in-app notification was stored. After commit it is pushed live to the member's user room with " +
      "the new unread totals (core/realtime/room-deliveries.ts); a rolled-back one never is. The workers " +
      "consume it without effect: the outbound sends were scheduled with it.",
    payload: z.object({
      userId: z.uuid(),
      notification: z.object({
        id: z.uuid(),
        type: z.string().min(1).max(100),
        category: zNotificationCategory,
        title: z.string().max(500),
        body: z.string().max(5_000),
        link: z.string().max(2_000).nullable(),
        createdAt: z.iso.datetime({ offset: true }),
      }),
    }),
  }),
} as const;
