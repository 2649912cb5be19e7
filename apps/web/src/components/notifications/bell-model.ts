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

/** What the bell shows: nothing at zero, the number up to 99, then "99+". */
export function bellBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? "99+" : String(count);
}
