import type { TUserRoomEvent } from "@hometrip/contracts";

/** Without the user room the bell polls the count this often. */
export const BELL_POLL_MS = 30_000;
/** With the room open the count arrives live; the poll stays as a slow safety net. */
export const BELL_LIVE_POLL_MS = 120_000;

export const bellPollInterval = (roomConnected: boolean): number =>
  roomConnected ? BELL_LIVE_POLL_MS : BELL_POLL_MS;

/**
 * The unread count after a user-room event. `unread` carries the total and wins; a `notification`
 * (which the room follows with `unread`) counts one more at once. Before the first fetch the count
 * is unknown, and a single notification does not make it known.
 */
export function nextUnreadCount(current: number | undefined, event: TUserRoomEvent): number | undefined {
  if (event.type === "unread") return event.notifications;
  if (event.type === "notification") return current === undefined ? undefined : current + 1;
  return current;
}

/** How many notification ids a tab remembers to recognise a repeated push. */
const rememberedIds = 200;

/**
 * False for a notification this tab has already been pushed (delivery is at least once: a retried
 * unit of work can push an item again), so it is not counted twice. Remembers the latest ids only.
 */
export function firstSighting(seen: Set<string>, event: TUserRoomEvent): boolean {
  if (event.type !== "notification") return true;
  const { id } = event.notification;
  if (seen.has(id)) return false;
  seen.add(id);
  if (seen.size > rememberedIds) seen.delete(seen.values().next().value as string);
  return true;
}

/** What the bell shows: nothing at zero, the number up to 99, then "99+". */
export function bellBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? "99+" : String(count);
}
