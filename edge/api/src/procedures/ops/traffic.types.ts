import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const zTrafficWindow = z.enum(["hour", "day"]);

export const ZTrafficRequestSchema = z.object({ window: zTrafficWindow.default("hour") });

export const zTrafficSummary = z.object({
  key: z.string(),
  calls: z.number().int().nonnegative(),
  rate: z.number().nonnegative(),
  errorRatio: z.number().min(0).max(1),
  clientErrorRatio: z.number().min(0).max(1),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
});

export const ZTrafficResponseSchema = z.object({
  window: zTrafficWindow,
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  total: zTrafficSummary,
  regions: z.array(zTrafficSummary),
  colos: z.array(zTrafficSummary),
  procedures: z.array(zTrafficSummary),
  slowest: z.array(zTrafficSummary),
  regionsWithErrors: z.array(zTrafficSummary),
});
export type TTrafficRequest = z.input<typeof ZTrafficRequestSchema>;
export type TTrafficResponse = z.output<typeof ZTrafficResponseSchema>;

export const trafficMeta = {
  summary: "Edge calls per region, colo and procedure over the last hour or day (admins)",
} satisfies TrpcMeta;
