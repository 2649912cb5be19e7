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
  | { type: "error"; code: "BAD_REQUEST" | "UNAUTHORIZED"; message: string };

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

/**
 * Close code for a connection refused for want of a verified identity (4000–4999 are the
 * application's; 4401 mirrors HTTP 401).
 */
export const CLOSE_UNAUTHENTICATED = 4401;
