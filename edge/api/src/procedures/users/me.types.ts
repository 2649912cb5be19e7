import type * as z from "zod";
import { partnerMeta } from "../../partner-api/expose.ts";
import type { TrpcMeta } from "../../trpc.ts";
import { ZAccountSchema } from "./shared.types.ts";

export const ZMeResponseSchema = ZAccountSchema;
export type TMeResponse = z.output<typeof ZMeResponseSchema>;

export const meMeta = partnerMeta(
  { summary: "The caller's own account", scope: "profile:read" },
  { method: "GET", path: "/v1/me", tag: "account", authRequired: true },
) satisfies TrpcMeta;
