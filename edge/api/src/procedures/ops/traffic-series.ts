import { edgeTrafficSeries } from "@hometrip/core";
import { adminProcedure } from "../../trpc.ts";
import {
  trafficSeriesMeta,
  ZTrafficSeriesRequestSchema,
  ZTrafficSeriesResponseSchema,
} from "./traffic-series.types.ts";

/** Chart data: one point per minute of the last hour or per hour of the last day. */
export const trafficSeriesProcedure = adminProcedure
  .meta(trafficSeriesMeta)
  .input(ZTrafficSeriesRequestSchema)
  .output(ZTrafficSeriesResponseSchema)
  .query(({ ctx, input }) =>
    edgeTrafficSeries(ctx.services.redis, {
      prefix: ctx.services.config.METRICS_KEY_PREFIX,
      now: ctx.services.clock.now(),
      window: input.window,
    }),
  );
