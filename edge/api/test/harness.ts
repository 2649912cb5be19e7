import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { Bindings } from "../src/context.ts";
import worker from "../src/index.ts";
import type { AppRouter } from "../src/router.ts";
import type { Clock } from "../src/services/clock.ts";
import { createServices } from "../src/services/index.ts";
import { createLogger } from "../src/services/logger.ts";
import type { TrpcContext } from "../src/trpc.ts";
import { maxBatchCalls } from "../src/trpc-wire.ts";

export const origin = "http://api.hometrip.test";

/**
 * Runs `use` with the context the Worker builds for one tRPC request (real services from the test
 * bindings, silent logs), for calling procedures directly through a caller; `clock` stops time for
 * rules about "today". The request's after-response work is settled before this returns.
 */
export async function withRequestContext<T>(
  opts: { headers?: Record<string, string>; clock?: Clock },
  use: (ctx: TrpcContext) => Promise<T>,
): Promise<T> {
  const config = parseEdgeEnv(env as unknown as Record<string, unknown>);
  const scope = createServices(config, createLogger({}, { write: () => {} }), opts.clock);
  const tasks: Promise<unknown>[] = [];
  try {
    return await use({
      services: scope.services,
      requestId: "direct-call",
      headers: new Headers(opts.headers),
      resHeaders: new Headers(),
      ip: null,
      userAgent: null,
      setCookie: () => {},
      clearCookie: () => {},
    });
  } finally {
    scope.dispose((task) => tasks.push(task));
    await Promise.all(tasks);
  }
}

/**
 * Calls the Worker's own fetch entry with the test bindings, optionally overridden for one request
 * (e.g. Redis pointing at a dead port), and waits for its waitUntil work (relay, pool shutdown).
 */
export async function call(path: string, init: RequestInit = {}, overrides: Partial<Bindings> = {}) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${origin}${path}`, init), { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export const operatorHeaders = (token: string = env.ADMIN_API_TOKEN ?? "") => ({
  authorization: `Bearer ${token}`,
  "content-type": "application/json",
});

/** tRPC's non-batched wire format: queries in `?input=`, mutations as a JSON body. */
export function trpcQuery(path: string, input?: unknown, overrides: Partial<Bindings> = {}) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return call(`/trpc/${path}${query}`, {}, overrides);
}

export function trpcMutation(
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
  overrides: Partial<Bindings> = {},
) {
  const init = {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(input),
  };
  return call(`/trpc/${path}`, init, overrides);
}

/** The real tRPC client a browser would use, wired to the Worker's fetch instead of the network. */
export function createTestClient(headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${origin}/trpc`,
        headers,
        // The Worker refuses larger batches (src/trpc-wire.ts); the link splits them as a client must.
        maxItems: maxBatchCalls,
        fetch: (input, init) => {
          const url = input instanceof Request ? input.url : String(input);
          return call(url.slice(origin.length), init as RequestInit);
        },
      }),
    ],
  });
}
