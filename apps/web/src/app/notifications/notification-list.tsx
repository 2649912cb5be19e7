"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatWhen } from "@/lib/format.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import "@/components/notifications/notifications.css";

export function NotificationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pages = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() }),
    ]);
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((n) => !n.readAt);

  return (
    <Card>
      <div className="stack">
        {pages.isPending && <LoadingBlock label="Loading notifications…" />}
        {pages.isError && <Alert tone="error">{errorMessage(pages.error)}</Alert>}
        {pages.data && items.length === 0 && (
          <p className="muted">Nothing yet. New messages and booking updates show up here.</p>
        )}
        {anyUnread && (
          <div>
            <Button
              variant="secondary"
              size="small"
              pending={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              Mark all as read
            </Button>
          </div>
        )}
        {items.length > 0 && (
          <ul className="list" aria-label="Notifications">
            {items.map((n) => (
              <li key={n.id} className={`list__item notice${n.readAt ? "" : " notice--unread"}`}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div className="notice__title">
                    {!n.readAt && (
                      <>
                        <span className="notice__dot" aria-hidden="true" />
                        <span className="visually-hidden">Unread: </span>
                      </>
                    )}
                    {n.link ? (
                      <Link href={n.link} onClick={() => !n.readAt && markRead.mutate({ id: n.id })}>
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </div>
                  {n.body && <div className="notice__body">{n.body}</div>}
                  <div className="muted" style={{ fontSize: "0.875rem" }}>
                    {formatWhen(n.createdAt)}
                  </div>
                </div>
                {!n.readAt && (
                  <Button variant="ghost" size="small" onClick={() => markRead.mutate({ id: n.id })}>
                    Mark read
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {pages.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={pages.isFetchingNextPage}
              onClick={() => pages.fetchNextPage()}
            >
              Show older
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}
