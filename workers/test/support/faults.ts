import { type EventHandlers, eventHandlers } from "../../src/handlers/index.ts";

/**
 * The production handlers, plus a switch to make `system.pinged` fail for chosen event ids. The
 * failure comes after the real handler has written its row, so a test also sees the rollback.
 */
export function faultyHandlers() {
  const failuresLeft = new Map<string, number>();
  const handlers: EventHandlers = {
    ...eventHandlers,
    "system.pinged": async (ctx) => {
      await eventHandlers["system.pinged"](ctx);
      const left = failuresLeft.get(ctx.event.id) ?? 0;
      if (left > 0) {
        failuresLeft.set(ctx.event.id, left - 1);
        throw new Error("injected handler failure");
      }
    },
  };
  return {
    handlers,
    failNext(eventId: string, times: number) {
      failuresLeft.set(eventId, times);
    },
    heal(eventId: string) {
      failuresLeft.delete(eventId);
    },
  };
}
