import * as z from "zod";

export const ZVersionRequestSchema = z.void();

export const ZVersionResponseSchema = z.object({
  name: z.literal("hometrip-api"),
  version: z.string(),
  environment: z.enum(["development", "test", "production"]),
});
