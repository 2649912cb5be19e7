import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZMarkAllReadResponseSchema = z.object({ marked: z.number().int().min(0) });
export type TMarkAllReadResponse = z.output<typeof ZMarkAllReadResponseSchema>;

export const markAllReadMeta = { summary: "Mark every notification of the member read" } satisfies TrpcMeta;
