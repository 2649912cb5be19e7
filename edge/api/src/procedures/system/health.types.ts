import * as z from "zod";
import { dependencyNames } from "../../health/check-health.ts";
import type { TrpcMeta } from "../../trpc.ts";

export const ZHealthRequestSchema = z.void();

const zDependencyCheck = z.object({
  status: z.enum(["up", "down"]),
  latencyMs: z.number().int().nonnegative(),
  error: z.string().optional(),
});

export const ZHealthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  down: z.array(z.enum(dependencyNames)),
  checks: z.object({ postgres: zDependencyCheck, redis: zDependencyCheck, broker: zDependencyCheck }),
});
export type THealthRequest = z.input<typeof ZHealthRequestSchema>;
export type THealthResponse = z.output<typeof ZHealthResponseSchema>;

export const healthMeta = { summary: "The API's dependencies, up or down" } satisfies TrpcMeta;
