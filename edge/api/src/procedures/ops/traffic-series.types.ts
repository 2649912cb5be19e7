import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zTrafficWindow } from "./traffic.types.ts";

export const ZTrafficSeriesRequestSchema = z.object({ window: zTrafficWindow.default("hour") });

const zLine = z.object({
  key: z.string(),
  rate: z.array(z.number()),
  errorRatio: z.array(z.number()),
  p50: z.array(z.number().nullable()),
  p95: z.array(z.number().nullable()),
  p99: z.array(z.number().nullable()),
});

export const ZTrafficSeriesResponseSchema = z.object({
  window: zTrafficWindow,
  timestamps: z.array(z.number().int()),
  total: zLine,
  regions: z.array(zLine),
});
export type TTrafficSeriesRequest = z.input<typeof ZTrafficSeriesRequestSchema>;
export type TTrafficSeriesResponse = z.output<typeof ZTrafficSeriesResponseSchema>;

export const trafficSeriesMeta = {
  summary: "Edge rate, errors and latency percentiles per minute or hour, whole and per region (admins)",
} satisfies TrpcMeta;
