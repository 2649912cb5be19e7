import { createMiddleware } from "hono/factory";
import { presentedCredential } from "../auth/actor.ts";
import type { HonoEnv } from "../context.ts";
import { ZGetListingRequestSchema, ZGetListingResponseSchema } from "../procedures/listings/get.types.ts";
import { trpcEndpoint } from "../trpc-wire.ts";
import { publicListingCacheControl } from "./listing-cache.ts";

export const listingGetPath = `${trpcEndpoint}/listings.get`;

/**
 * `listings.get` by an anonymous caller for a listing this isolate served moments ago (its
 * published view is in `isolate.listingViews`): the answer is the same bytes and headers for every
 * such caller, so it is serialized once per view and sent as it is, without running tRPC (request
 * parsing, context, the procedure's output validation, JSON.stringify of 2 KB). Everything in front
 * of the route (request id, trace, access log, CORS, metrics, the general rate limit) runs as for
 * any call. Anything else — a credential (the view is the same but the answer is private, and a
 * revoked session must still be checked), a batch, a stream request, extra query parameters, an
 * input that does not parse, a listing not held here — goes to tRPC, which answers as before.
 */
export const answerListingFromIsolate = createMiddleware<HonoEnv>(async (c, next) => {
  const id = anonymousListingRead(c.req.raw);
  if (!id) return next();
  const { isolate, clock } = c.get("services");
  const view = isolate.listingViews.get(id, clock.now().getTime());
  if (!view) return next();
  let body = isolate.listingAnswers.get(view);
  if (body === undefined) {
    // The procedure's output schema, as tRPC would apply it; a view that fails it goes to tRPC
    // for the error answer tRPC gives.
    const output = ZGetListingResponseSchema.safeParse(view);
    if (!output.success) return next();
    body = JSON.stringify({ result: { data: output.data } });
    isolate.listingAnswers.set(view, body);
  }
  // A Response of our own rather than `c.body`: Hono would copy these four headers one by one into
  // a Headers object first. Nothing before this route prepares headers on `c` (the middlewares in
  // front set theirs on the answer afterwards, in place).
  return new Response(body, {
    headers: {
      "content-type": "application/json",
      "cache-control": publicListingCacheControl,
      "x-listing-cache": "hit",
      // What tRPC's fetch adapter puts on every answer (CORS appends Origin after).
      vary: "trpc-accept, accept",
    },
  });
});

/** The listing id of a plain (unbatched, JSON) `listings.get` GET with no credential, else null. */
function anonymousListingRead(request: Request): string | null {
  if (request.method !== "GET") return null;
  const headers = request.headers;
  if (headers.has("trpc-accept") || headers.get("accept")?.includes("application/jsonl")) return null;
  if (presentedCredential(headers)) return null;
  return listingIdIn(request.url);
}

let lastUrl = "";
let lastId: string | null = null;

/** The id a `listings.get?input=…` URL asks for, by the procedure's own input schema; the last URL's answer is kept. */
function listingIdIn(url: string): string | null {
  if (url === lastUrl) return lastId;
  lastUrl = url;
  lastId = null;
  const { pathname, searchParams } = new URL(url);
  if (pathname !== listingGetPath || searchParams.size !== 1) return null;
  const input = searchParams.get("input");
  if (input === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return null;
  }
  const read = ZGetListingRequestSchema.safeParse(parsed);
  lastId = read.success ? read.data.id : null;
  return lastId;
}
