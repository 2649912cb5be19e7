import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { ZAccountSchema } from "./shared.types.ts";

export const ZMeResponseSchema = ZAccountSchema;
export type TMeResponse = z.output<typeof ZMeResponseSchema>;

export const meMeta = { summary: "The caller's own account", scope: "profile:read" } satisfies TrpcMeta;
