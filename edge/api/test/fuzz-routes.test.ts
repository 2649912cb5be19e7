import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { hostileStrings, hostileValue } from "./fuzz-arbitraries.ts";
import { callers, expectSafe, roles, runs, seed, settings } from "./fuzz-support.ts";
import { uniqueIp } from "./hardening-support.ts";
import { call } from "./harness.ts";
import { photos } from "./listings-support.ts";

/** The fuzz suite over the HTTP routes beside tRPC (see fuzz-support.ts). */

/** Percent-encoded; a lone surrogate, which has no UTF-8, goes out as the bytes a careless encoder writes. */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
};

const segment = fc.oneof(
  fc.constantFrom(...hostileStrings.filter((s) => s.length < 1_000)).map(encode),
  fc.string({ maxLength: 30 }).map(encode),
  fc.uuid(),
  fc.constant("%E0%A4%A"),
  fc.constant("..%2F..%2Fetc%2Fpasswd"),
);

/** Bodies an upload route must refuse cleanly: garbage, a header lying about its size, oversized ones. */
function bodyFor(kind: string): { body?: BodyInit; headers?: Record<string, string>; duplex?: "half" } {
  const oversized = 2 * 1024 * 1024 + 1;
  switch (kind) {
    case "png":
      return { body: photos.png(640, 480), headers: { "content-type": "image/png" } };
    case "huge-png-header":
      return { body: photos.png(2 ** 31, 2 ** 31), headers: { "content-type": "image/png" } };
    case "oversized":
      return { body: new Uint8Array(oversized), headers: { "content-type": "image/png" } };
    case "chunked": {
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= oversized * 2) return controller.close();
          sent += 256 * 1024;
          controller.enqueue(new Uint8Array(256 * 1024).fill(0x89));
        },
      });
      return { body: stream, headers: { "content-type": "image/webp" }, duplex: "half" };
    }
    case "json":
      return { body: JSON.stringify({ a: hostileStrings }), headers: { "content-type": "application/json" } };
    default:
      return {};
  }
}

describe(`fuzz: HTTP routes (seed ${seed})`, () => {
  let context: Awaited<ReturnType<typeof callers>>;
  beforeAll(async () => {
    context = await callers("routes");
  });

  it("hostile paths, methods, queries and bodies on every route never answer 5xx or leak, and the next request is served", async () => {
    const listingId = fc.oneof(fc.constantFrom(...context.context.knownIds), segment);
    const route = fc.oneof(
      fc.constant("/health"),
      fc.constant("/users/me/avatar"),
      segment.map((s) => `/avatars/${s}`),
      listingId.map((id) => `/listings/${id}/photos`),
      segment.map((s) => `/listing-photos/${s}`),
      fc.tuple(listingId, segment).map(([id, s]) => `/ical/${id}/${s}.ics`),
      fc
        .tuple(fc.constantFrom("google", "github", "x"), segment)
        .map(([p, s]) => `/auth/oauth/${p}/start?redirectTo=${s}`),
      fc
        .tuple(fc.constantFrom("google", "github"), segment, segment)
        .map(([p, c, s]) => `/auth/oauth/${p}/callback?code=${c}&state=${s}`),
      segment.map((s) => `/trpc/${s}`),
      segment.map((s) => `/${s}`),
    );
    const method = fc.constantFrom("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD");
    const body = fc.constantFrom("none", "png", "huge-png-header", "oversized", "chunked", "json");
    await fc.assert(
      fc.asyncProperty(
        route,
        method,
        body,
        fc.constantFrom(...roles),
        hostileValue,
        async (path, verb, kind, role, extra) => {
          const withBody = verb !== "GET" && verb !== "HEAD" ? bodyFor(kind) : {};
          const headers = {
            "x-forwarded-for": uniqueIp(),
            ...context.headers[role],
            ...withBody.headers,
            "x-fuzz": encode(String(extra)).slice(0, 200),
          };
          const response = await call(path, { method: verb, ...withBody, headers } as RequestInit);
          await expectSafe(`${role} ${verb} ${path} (${kind})`, response);
          const next = await call("/health");
          expect(next.status, `the request after ${verb} ${path}`).toBeLessThan(500);
        },
      ),
      settings(Math.max(20, runs * 4)),
    );
  }, 180_000);
});
