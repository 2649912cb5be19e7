import type { Context } from "hono";
import { serializeCookie } from "../auth/cookies.ts";
import type { HonoEnv } from "../context.ts";
import { clientIp } from "../rate-limit/client-ip.ts";
import type { TrpcContext } from "../trpc.ts";

/** The procedures' context for one HTTP request, over tRPC's wire or the partner REST API. */
export function trpcContextOf(c: Context<HonoEnv>, req: Request, resHeaders: Headers): TrpcContext {
  const services = c.get("services");
  return {
    services,
    requestId: c.get("requestId"),
    traceId: c.get("trace").traceId,
    headers: req.headers,
    resHeaders,
    ip: clientIp(req.headers, services.config.APP_ENV),
    userAgent: req.headers.get("user-agent"),
    setCookie: (name, value, opts) => resHeaders.append("Set-Cookie", serializeCookie(name, value, opts)),
    clearCookie: (name) => resHeaders.append("Set-Cookie", serializeCookie(name, "", { maxAgeSeconds: 0 })),
    listingPhotos: (c.env as { LISTING_PHOTOS?: R2Bucket }).LISTING_PHOTOS,
    messageAttachments: (c.env as { MESSAGE_ATTACHMENTS?: R2Bucket }).MESSAGE_ATTACHMENTS,
  };
}
