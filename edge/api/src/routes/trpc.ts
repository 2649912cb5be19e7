import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import { serializeCookie } from "../auth/cookies.ts";
import type { HonoEnv } from "../context.ts";
import { clientIp } from "../rate-limit/client-ip.ts";
import { appRouter } from "../router.ts";
import { errorFields } from "../services/logger.ts";
import type { TrpcContext } from "../trpc.ts";

export const trpcEndpoint = "/trpc";

export const trpcRoutes = new Hono<HonoEnv>().all(`${trpcEndpoint}/*`, (c) =>
  fetchRequestHandler({
    endpoint: trpcEndpoint,
    req: c.req.raw,
    router: appRouter,
    createContext: ({ req, resHeaders }): TrpcContext => ({
      services: c.var.services,
      requestId: c.var.requestId,
      headers: req.headers,
      resHeaders,
      ip: clientIp(req.headers, c.var.services.config.APP_ENV),
      userAgent: req.headers.get("user-agent"),
      setCookie: (name, value, opts) => resHeaders.append("Set-Cookie", serializeCookie(name, value, opts)),
      clearCookie: (name) => resHeaders.append("Set-Cookie", serializeCookie(name, "", { maxAgeSeconds: 0 })),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        c.var.logger.error("procedure failed", { path, ...errorFields(error.cause ?? error) });
      }
    },
  }),
);
