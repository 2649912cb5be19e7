import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZVersionRequestSchema = z.void();

export const ZVersionResponseSchema = z.object({
  name: z.literal("hometrip-api"),
  version: z.string(),
  environment: z.enum(["development", "test", "production"]),
});
export type TVersionRequest = z.input<typeof ZVersionRequestSchema>;
export type TVersionResponse = z.output<typeof ZVersionResponseSchema>;

export const versionMeta = { summary: "The deployed version" } satisfies TrpcMeta;
