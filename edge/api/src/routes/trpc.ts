import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import type { HonoEnv } from "../context.ts";
import { appRouter } from "../router.ts";
import { errorFields } from "../services/logger.ts";

export const trpcEndpoint = "/trpc";

export const trpcRoutes = new Hono<HonoEnv>().all(`${trpcEndpoint}/*`, (c) =>
  fetchRequestHandler({
    endpoint: trpcEndpoint,
    req: c.req.raw,
    router: appRouter,
    createContext: () => ({
      services: c.var.services,
      requestId: c.var.requestId,
      headers: c.req.raw.headers,
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        c.var.logger.error("procedure failed", { path, ...errorFields(error.cause ?? error) });
      }
    },
  }),
);
