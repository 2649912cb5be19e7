import { checkHealth } from "../../health/check-health.ts";
import { publicProcedure } from "../../trpc.ts";
import { healthMeta, ZHealthRequestSchema, ZHealthResponseSchema } from "./health.types.ts";

/** Same probes as GET /health, as data: a degraded platform is an answer here, not an error. */
export const healthProcedure = publicProcedure
  .meta(healthMeta)
  .input(ZHealthRequestSchema)
  .output(ZHealthResponseSchema)
  .query(({ ctx }) => checkHealth(ctx.services));
