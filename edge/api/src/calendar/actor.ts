import type { CalendarActor } from "@hometrip/core";

/** The calendar functions in core take only who is asking and their role (an admin is re-checked there). */
export const calendarActor = (actor: { userId: string; role: "member" | "admin" }): CalendarActor => ({
  userId: actor.userId,
  role: actor.role,
});
