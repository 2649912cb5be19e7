import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createApp } from "../src/app.ts";
import type { Clock } from "../src/services/clock.ts";
import { clientThrough, origin } from "./harness.ts";

/**
 * The Worker with its clock stopped at `at` (default: now). Rate limits count in slots aligned to
 * the epoch; a burst sent on the wall clock could straddle a slot boundary and see the previous
 * slot weighed down, so tests that count up to a limit send it to a Worker whose time stands still
 * instead of waiting for a fresh slot.
 */
export function workerAt(at: Date = new Date()) {
  const clock: Clock = { now: () => new Date(at) };
  const app = createApp({ clock });
  const call = async (path: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext();
    const response = await app.fetch(new Request(`${origin}${path}`, init), env, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
  /** The typed test client (see harness.ts) through this Worker. */
  const client = (headers: Record<string, string> = {}) => clientThrough(call, headers);
  return { clock, call, client };
}
