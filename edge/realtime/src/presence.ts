/** What a room keeps on each admitted socket (its attachment, so it survives hibernation). */
export type Member = { userId: string; lastSeen: number };

export type MemberSocket = { id: string; member: Member | null; lastSeen: number; open: boolean };

/**
 * Users online: admitted, open and heard from within `timeoutMs`, each once however many tabs
 * they have open, sorted so that two rooms with the same members say the same thing.
 */
export function onlineUsers(sockets: Iterable<MemberSocket>, now: number, timeoutMs: number): string[] {
  const users = new Set<string>();
  for (const socket of sockets) {
    if (socket.member && socket.open && now - socket.lastSeen <= timeoutMs) users.add(socket.member.userId);
  }
  return [...users].sort();
}

/** Sockets to drop now (silent too long), and when to look again (null: nobody left to watch). */
export function sweep(
  sockets: Iterable<MemberSocket>,
  now: number,
  timeoutMs: number,
): { stale: string[]; nextCheckAt: number | null } {
  const stale: string[] = [];
  let earliest = Number.POSITIVE_INFINITY;
  for (const socket of sockets) {
    if (!socket.member || !socket.open) continue;
    if (now - socket.lastSeen > timeoutMs) stale.push(socket.id);
    else earliest = Math.min(earliest, socket.lastSeen);
  }
  return { stale, nextCheckAt: Number.isFinite(earliest) ? earliest + timeoutMs + 1 : null };
}
