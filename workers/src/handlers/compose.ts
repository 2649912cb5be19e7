import type { EventType } from "@hometrip/contracts";
import type { EventHandler } from "./types.ts";

type HandlerTable = { [T in EventType]?: EventHandler<T> };

/**
 * Several domains react to one event (a booking's transition moves its money, gives it a thread
 * and tells the guest): their handlers run one after another in the delivery's transaction, in
 * the order the tables are given, so the event is processed once with all of its effects or, on
 * a failure, with none of them and retried.
 */
export function composeHandlers(...tables: HandlerTable[]): HandlerTable {
  const byType = new Map<EventType, EventHandler<EventType>[]>();
  for (const table of tables) {
    for (const [type, handler] of Object.entries(table) as [EventType, EventHandler<EventType>][]) {
      if (!handler) continue;
      byType.set(type, [...(byType.get(type) ?? []), handler]);
    }
  }
  const composed: Partial<Record<EventType, EventHandler<EventType>>> = {};
  for (const [type, handlers] of byType) {
    composed[type] =
      handlers.length === 1
        ? (handlers[0] as EventHandler<EventType>)
        : async (ctx) => {
            for (const handler of handlers) await handler(ctx);
          };
  }
  return composed as HandlerTable;
}
