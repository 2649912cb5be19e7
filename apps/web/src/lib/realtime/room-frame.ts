/** What a room frame is checked against: a zod schema of the room's events (e.g. zUserRoomEvent). */
export type RoomFrameSchema<E> = {
  safeParse(value: unknown): { success: true; data: E } | { success: false };
};

/** A frame from the room as an event of that room, or null when it is not one (ignored). */
export function parseRoomFrame<E>(schema: RoomFrameSchema<E>, data: unknown): E | null {
  if (typeof data !== "string") return null;
  try {
    const result = schema.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
