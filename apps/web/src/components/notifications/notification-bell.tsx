"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef } from "react";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client.ts";
import { bellBadge, bellPollInterval, firstSighting, nextUnreadCount } from "./bell-model.ts";
import { useUserRoom } from "./use-user-room.ts";
import "./notifications.css";

/**
 * The bell in the header with the unread count. Live through the member's user room: a stored
 * notification and the new total arrive as events and update the cached count (and the list, if
 * open). The count is still fetched on load, on every room (re)connect, and by a poll: every 30
 * seconds without the room, every 2 minutes with it as a safety net.
 */
export function NotificationBell({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const countKey = trpc.notifications.unreadCount.queryKey();
  const seen = useRef(new Set<string>());
  const room = useUserRoom(userId, {
    ticket: () => client.realtime.userToken.mutate(),
    onOpen: () => void queryClient.invalidateQueries({ queryKey: countKey }),
    onEvent: (event) => {
      if (!firstSighting(seen.current, event)) return;
      const current = queryClient.getQueryData(countKey)?.count;
      const next = nextUnreadCount(current, event);
      if (next !== undefined && next !== current) queryClient.setQueryData(countKey, { count: next });
      if (event.type === "notification")
        void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
    },
  });
  const unread = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    refetchInterval: bellPollInterval(room.connected),
  });
  const count = unread.data?.count ?? 0;
  const badge = bellBadge(count);
  const label = count === 0 ? "Notifications" : `Notifications, ${count} unread`;
  return (
    <Link
      href="/notifications"
      className="bell"
      aria-label={label}
      data-testid="notification-bell"
      data-live={room.connected ? "true" : "false"}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {badge && <span className="bell__count">{badge}</span>}
    </Link>
  );
}
