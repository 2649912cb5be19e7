import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { createTRPCClient, httpLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import type { Bindings } from "../src/context.ts";
import worker from "../src/index.ts";
import { type RoomBindings, roomsOf } from "../src/realtime/rooms.ts";
import type { AppRouter } from "../src/router.ts";
import type { Clock } from "../src/services/clock.ts";
import { createServices } from "../src/services/index.ts";
import { createLogger } from "../src/services/logger.ts";
import type { TrpcContext } from "../src/trpc.ts";
import type { ErrorData } from "../src/trpc-errors.ts";

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
  const rooms = roomsOf(env as unknown as RoomBindings);
  const scope = createServices(config, createLogger({}, { write: () => {} }), opts.clock, rooms);
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

/** `Authorization: Bearer <token>`: a member's access token or an API key. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const operatorHeaders = (token: string = env.ADMIN_API_TOKEN ?? "") => ({
  authorization: `Bearer ${token}`,
  "content-type": "application/json",
});

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** An error as the caller sees it: our code, the HTTP status, the message, field issues. */
export type CallError = ErrorData & { message: string };

/**
 * One call's outcome as a user sees it. `data` is the procedure's output when the call succeeded
 * (and `undefined` otherwise, typed as the output so tests read naturally after a status check).
 */
export type Outcome<T> = { status: number; headers: Headers; data: T; error: CallError | undefined };

// Set while `settle` starts a call; the recording link picks it up synchronously (tRPC runs its
// links when the call is made), so concurrent calls each get their own response.
let recorder: ((response: Response | undefined) => void) | undefined;

const recordResponse: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) => {
    const record = recorder;
    recorder = undefined;
    return observable((observer) =>
      next(op).subscribe({
        next(value) {
          record?.((value.context as { response?: Response } | undefined)?.response);
          observer.next(value);
        },
        error(error) {
          record?.((error.meta as { response?: Response } | undefined)?.response);
          observer.error(error);
        },
        complete: () => observer.complete(),
      }),
    );
  };

/**
 * The test client: the real tRPC client typed by `AppRouter`, one HTTP request per call (queries
 * as GET `?input=`, mutations as a POST body, as the wire format says) through the Worker's own
 * fetch, with `headers` on every call and `overrides` on the bindings. A failed call throws
 * `TRPCClientError`; wrap it in `settle` to assert on the status, headers and error a user sees.
 * Raw `call(...)` is for what is not "procedure X with input Y": malformed bodies, batches,
 * methods, plain HTTP routes.
 */
export function createTestClient(headers: Record<string, string> = {}, overrides: Partial<Bindings> = {}) {
  return clientThrough((path, init) => call(path, init, overrides), headers);
}

/** The same client over another entry point (e.g. a Worker whose clock is stopped). */
export function clientThrough(
  send: (path: string, init: RequestInit) => Promise<Response>,
  headers: Record<string, string> = {},
) {
  return createTRPCClient<AppRouter>({
    links: [
      recordResponse,
      httpLink({
        url: `${origin}/trpc`,
        headers,
        fetch: (input, init) => {
          const url = input instanceof Request ? input.url : String(input);
          return send(url.slice(origin.length), init as RequestInit);
        },
      }),
    ],
  });
}

/**
 * Runs one client call and returns its outcome instead of throwing:
 * `await settle(() => createTestClient(auth).listings.publish.mutate({ id }))`. The call must start
 * at once (await its inputs before `settle`); a call that started late fails with "recorded no
 * response" rather than reading another call's response.
 */
export async function settle<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  let response: Response | undefined;
  recorder = (seen) => {
    response = seen;
  };
  let promise: Promise<T>;
  try {
    promise = run();
  } finally {
    recorder = undefined;
  }
  try {
    const data = await promise;
    if (!response) throw new Error("settle: the call recorded no response");
    return { status: response.status, headers: response.headers, data, error: undefined };
  } catch (cause) {
    if (!(cause instanceof TRPCClientError) || !response) throw cause;
    const data = cause.data as ErrorData;
    return {
      status: response.status,
      headers: response.headers,
      data: undefined as T,
      error: { message: cause.message, ...data },
    };
  }
}

/** An input the types refuse, sent as a broken or hostile caller would send it. */
export const untyped = (input: unknown) => input as never;
