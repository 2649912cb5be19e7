import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../context.ts";
import { type RoomBindings, roomsOf } from "../realtime/rooms.ts";
import type { Clock } from "../services/clock.ts";
import { createServices } from "../services/index.ts";
import type { IsolateState } from "../services/isolate-state.ts";

/**
 * Builds the per-request service bundle, runs the post-commit step for whatever the route's writes
 * committed before the answer leaves (so the caller's next read is fresh), and hands the cleanup
 * to the runtime after the response.
 */
export const init = (isolate: IsolateState, clock?: Clock) =>
  createMiddleware<HonoEnv>(async (c, next) => {
    const scope = createServices(
      c.get("config"),
      c.get("logger"),
      clock,
      roomsOf(c.env as RoomBindings),
      isolate,
      {
        traceparent: c.get("trace").traceparent,
      },
    );
    c.set("services", scope.services);
    try {
      await next();
      await scope.services.runPostCommit();
    } finally {
      scope.dispose((task) => backgroundOf(c)(task));
    }
  });

function backgroundOf(c: Context<HonoEnv>): (task: Promise<unknown>) => void {
  try {
    const ctx = c.executionCtx;
    return (task) => ctx.waitUntil(task);
  } catch {
    // `app.request()` in a unit test has no ExecutionContext; let the task run unsupervised.
    return (task) => void task;
  }
}
