import { edgeTrafficReport } from "@hometrip/core";
import { adminProcedure } from "../../trpc.ts";
import { trafficMeta, ZTrafficRequestSchema, ZTrafficResponseSchema } from "./traffic.types.ts";

/** Rate, error ratio and p50/p95/p99 from the minute (hour window) or hour (day window) rollups. */
export const trafficProcedure = adminProcedure
  .meta(trafficMeta)
  .input(ZTrafficRequestSchema)
  .output(ZTrafficResponseSchema)
  .query(({ ctx, input }) =>
    edgeTrafficReport(ctx.services.redis, {
      prefix: ctx.services.config.METRICS_KEY_PREFIX,
      now: ctx.services.clock.now(),
      window: input.window,
    }),
  );
