import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { setTimeout as delay } from "node:timers/promises";
import { withoutIcalToken } from "@hometrip/contracts";
import { continueTrace } from "@hometrip/contracts/traceparent";
import { webEnv } from "./env.ts";

/**
 * The browser reaches the API only through this origin (/trpc, OAuth, avatars, listing photos,
 * iCal), so the API's cookies stay first-party. The route handlers under src/app hand those
 * paths to `forwardToApi`, which passes request and answer through unchanged.
 */
export type ApiTarget = {
  /** The API Worker's base URL, e.g. http://127.0.0.1:8787. */
  apiUrl: string;
  /** How long the API may stay silent before it counts as unreachable. */
  timeoutMs?: number;
};

const retryDelayMs = 200;
const unavailableMessage = "HomeTrip's API did not answer. Please try again.";

const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "te", "trailer"]);
// Statuses whose answer has no body; a Response refuses one for them.
const nullBodyStatus = new Set([101, 103, 204, 205, 304]);

/** A route handler for API paths: forwards to the API named by API_URL. */
export function proxyToApi(request: Request): Promise<Response> {
  return forwardToApi(request, { apiUrl: webEnv().apiUrl });
}

/**
 * Sends `request` to the API and returns its answer as is: status, every header (each Set-Cookie
 * line), the body byte for byte, redirects unfollowed. When the API cannot be reached, GET and
 * HEAD are tried once more (they are safe to repeat); otherwise the answer is a 502 the caller
 * can read (tRPC's error JSON on /trpc).
 */
export async function forwardToApi(request: Request, target: ApiTarget): Promise<Response> {
  const incoming = new URL(request.url);
  const url = new URL(`${target.apiUrl.replace(/\/$/, "")}${incoming.pathname}${incoming.search}`);
  // The browser's trace (one per page action) continues through this hop; a caller without one starts it here.
  const trace = continueTrace(request.headers.get("traceparent"));
  const headers = forwardedHeaders(request, url);
  headers.traceparent = trace.traceparent;
  const repeatable = request.method === "GET" || request.method === "HEAD";
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await send(request, url, headers, target.timeoutMs ?? 30_000);
      return responseFrom(answer, request.method);
    } catch (error) {
      // The browser went away: nobody reads this answer.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if (repeatable && attempt === 1) {
        await delay(retryDelayMs);
        continue;
      }
      const path = withoutIcalToken(incoming.pathname);
      console.error(
        `api proxy: ${request.method} ${path} failed: ${errorCode(error)} traceId=${trace.traceId}`,
      );
      return unavailable(incoming, trace.traceId);
    }
  }
}

function forwardedHeaders(request: Request, url: URL): OutgoingHttpHeaders {
  const isConnectionScoped = connectionScoped(request.headers.get("connection"));
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of request.headers) {
    if (!isConnectionScoped(name)) headers[name] = value;
  }
  headers.host = url.host;
  headers["x-forwarded-host"] = request.headers.get("host") ?? new URL(request.url).host;
  // Next drops Content-Encoding from a route handler's answer and compresses for the browser
  // itself, so a body the API had gzipped would reach the browser gzipped twice.
  headers["accept-encoding"] = "identity";
  return headers;
}

/** Headers meaningful for one connection only (RFC 9110 §7.6.1), never for the next hop. */
function connectionScoped(connection: string | null | undefined): (name: string) => boolean {
  const named = (connection ?? "").toLowerCase().split(/\s*,\s*/);
  return (name) => {
    const lower = name.toLowerCase();
    return hopByHop.has(lower) || named.includes(lower) || lower.startsWith("proxy-");
  };
}

function send(
  request: Request,
  url: URL,
  headers: OutgoingHttpHeaders,
  timeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    // `agent: false`: a fresh connection per request. A pooled keep-alive socket (what Next's
    // rewrite proxy used) may be one workerd is just closing for idleness; a request written
    // onto it dies with ECONNRESET before reaching the Worker, and a POST cannot be retried.
    const upstream = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method: request.method,
      headers,
      agent: false,
      signal: request.signal,
      timeout: timeoutMs,
    });
    upstream.on("timeout", () =>
      upstream.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })),
    );
    upstream.on("response", resolve);
    upstream.on("error", reject);
    if (!request.body) {
      upstream.end();
      return;
    }
    const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
    body.on("error", (error) => upstream.destroy(error));
    body.pipe(upstream);
  });
}

function responseFrom(answer: IncomingMessage, method: string): Response {
  const status = answer.statusCode ?? 502;
  const headers = new Headers();
  const isConnectionScoped = connectionScoped(answer.headers.connection);
  // rawHeaders keeps every line as sent; `answer.headers` would fold or drop repeats.
  const raw = answer.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!isConnectionScoped(raw[i]!)) headers.append(raw[i]!, raw[i + 1]!);
  }
  if (method === "HEAD" || nullBodyStatus.has(status)) {
    answer.resume();
    return new Response(null, { status, statusText: answer.statusMessage, headers });
  }
  const body = Readable.toWeb(answer) as ReadableStream<Uint8Array>;
  return new Response(body, { status, statusText: answer.statusMessage, headers });
}

/**
 * The API's own error shape for /trpc, so the tRPC client shows a sentence rather than failing
 * to parse; a batch (`?batch=1`, procedures joined by commas) gets one error per procedure.
 */
function unavailable(incoming: URL, traceId: string): Response {
  const headers = { "cache-control": "no-store", "x-trace-id": traceId };
  if (!incoming.pathname.startsWith("/trpc/")) {
    return new Response(`${unavailableMessage}\n`, {
      status: 502,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }
  const errorFor = (path?: string) => ({
    error: {
      message: unavailableMessage,
      code: -32603,
      data: { code: "UNAVAILABLE", httpStatus: 502, traceId, ...(path === undefined ? {} : { path }) },
    },
  });
  const paths = incoming.pathname.slice("/trpc/".length).split(",");
  const batch = incoming.searchParams.get("batch") === "1";
  return Response.json(batch ? paths.map(errorFor) : errorFor(), { status: 502, headers });
}

function errorCode(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return typeof code === "string" ? code : typeof name === "string" ? name : "unknown";
}
