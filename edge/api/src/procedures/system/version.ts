import { publicProcedure } from "../../trpc.ts";
import { ZVersionRequestSchema, ZVersionResponseSchema } from "./version.types.ts";

export const versionProcedure = publicProcedure
  .input(ZVersionRequestSchema)
  .output(ZVersionResponseSchema)
  .query(({ ctx }) => ({
    name: "hometrip-api" as const,
    version: ctx.services.config.APP_VERSION,
    environment: ctx.services.config.APP_ENV,
  }));
