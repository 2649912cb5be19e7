import { describe, expect, it } from "vitest";
import {
  BELL_LIVE_POLL_MS,
  BELL_POLL_MS,
  bellBadge,
  bellPollInterval,
  firstSighting,
  nextUnreadCount,
} from "./bell-model.ts";

const notification = {
  type: "notification" as const,
  notification: {
    id: "7d0b6c2e-7f3c-4f6e-9a52-3c1f4b2a9e10",
    type: "message.received",
    title: "New message from Grace Guest",
    body: "Is the loft quiet at night?",
    data: { category: "messages", link: "/messages/x" },
    createdAt: "2026-01-01T10:00:00.000Z",
  },
};

describe("the bell's unread count from user-room events", () => {
  it("takes the room's total from an unread event, whatever it held", () => {
    expect(nextUnreadCount(7, { type: "unread", conversations: 2, notifications: 3 })).toBe(3);
    expect(nextUnreadCount(undefined, { type: "unread", conversations: 0, notifications: 0 })).toBe(0);
  });

  it("counts a notification at once when the count is known", () => {
    expect(nextUnreadCount(4, notification)).toBe(5);
  });

  it("does not invent a count from a notification before the first fetch", () => {
    expect(nextUnreadCount(undefined, notification)).toBeUndefined();
  });

  it("ends on the room's total after a notification and its unread event", () => {
    const afterBoth = [notification, { type: "unread" as const, conversations: 1, notifications: 2 }].reduce<
      number | undefined
    >(nextUnreadCount, 2);
    expect(afterBoth).toBe(2);
  });

  it("ignores heartbeat answers", () => {
    expect(nextUnreadCount(4, { type: "heartbeat" })).toBe(4);
  });
});

describe("the bell's poll", () => {
  it("slows down while the room is connected", () => {
    expect(bellPollInterval(true)).toBe(BELL_LIVE_POLL_MS);
    expect(bellPollInterval(false)).toBe(BELL_POLL_MS);
    expect(BELL_LIVE_POLL_MS).toBeGreaterThan(BELL_POLL_MS);
  });
});

describe("the bell's badge", () => {
  it("shows nothing at zero, the number, then 99+", () => {
    expect(bellBadge(0)).toBeNull();
    expect(bellBadge(12)).toBe("12");
    expect(bellBadge(100)).toBe("99+");
  });
});

describe("a notification pushed twice", () => {
  it("is counted once in a tab, while other notifications and totals still count", () => {
    const seen = new Set<string>();
    const other = {
      ...notification,
      notification: { ...notification.notification, id: crypto.randomUUID() },
    };
    const unread = { type: "unread" as const, conversations: 0, notifications: 9 };
    expect([notification, notification, other, unread, unread].map((e) => firstSighting(seen, e))).toEqual([
      true,
      false,
      true,
      true,
      true,
    ]);
  });

  it("is recognised among the latest 200 ids only, so a long-open tab does not grow without end", () => {
    const seen = new Set<string>();
    firstSighting(seen, notification);
    for (let i = 0; i < 200; i++) {
      const next = {
        ...notification,
        notification: { ...notification.notification, id: crypto.randomUUID() },
      };
      firstSighting(seen, next);
    }
    expect(seen.size).toBe(200);
    expect(seen.has(notification.notification.id)).toBe(false);
  });
});
