/**
 * Wire protocol of a conversation room. Presence and typing are ephemeral and live only in the
 * room; messages are persisted by edge/api, which then asks the room to deliver them live.
 */
export type ClientFrame = { type: "typing"; isTyping: boolean } | { type: "ping" };

export type Participant = { userId: string; name: string };

export type ServerFrame =
  | { type: "presence"; participants: Participant[] }
  | { type: "typing"; userId: string; isTyping: boolean }
  | { type: "message"; message: unknown }
  | { type: "pong" }
  | { type: "error"; code: "BAD_REQUEST"; message: string };

/** Parses a client frame; returns null for anything that is not a frame we speak. */
export function parseClientFrame(raw: unknown): ClientFrame | null {
  if (typeof raw !== "string" || raw.length > 4096) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const frame = value as Record<string, unknown>;
  if (frame.type === "typing" && typeof frame.isTyping === "boolean") {
    return { type: "typing", isTyping: frame.isTyping };
  }
  if (frame.type === "ping") return { type: "ping" };
  return null;
}

/** One entry per user, even when a user has several tabs open, ordered for stable output. */
export function presenceOf(participants: Iterable<Participant | null | undefined>): Participant[] {
  const byUser = new Map<string, Participant>();
  for (const p of participants) if (p) byUser.set(p.userId, p);
  return [...byUser.values()].sort((a, b) => a.userId.localeCompare(b.userId));
}

/** Reads the joining participant from the connection URL; identity is verified once auth lands. */
export function participantFromUrl(url: string): Participant | null {
  const params = new URL(url).searchParams;
  const userId = params.get("userId")?.trim();
  if (!userId || userId.length > 64) return null;
  const name = (params.get("name")?.trim() || userId).slice(0, 80);
  return { userId, name };
}
