import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZMarkReadRequestSchema = z.object({ id: z.uuid() });
export const ZMarkReadResponseSchema = z.object({ marked: z.number().int().min(0) });
export type TMarkReadRequest = z.input<typeof ZMarkReadRequestSchema>;
export type TMarkReadResponse = z.output<typeof ZMarkReadResponseSchema>;

export const markReadMeta = { summary: "Mark one of the member's notifications read" } satisfies TrpcMeta;
