import { publicProcedure } from "../../trpc.ts";
import { versionMeta, ZVersionRequestSchema, ZVersionResponseSchema } from "./version.types.ts";

export const versionProcedure = publicProcedure
  .meta(versionMeta)
  .input(ZVersionRequestSchema)
  .output(ZVersionResponseSchema)
  .query(({ ctx }) => ({
    name: "hometrip-api" as const,
    version: ctx.services.config.APP_VERSION,
    environment: ctx.services.config.APP_ENV,
  }));
