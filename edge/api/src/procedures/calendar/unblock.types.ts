import { zCalendarBlock } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZUnblockRequestSchema = z.object({ blockId: z.uuid() });
export const ZUnblockResponseSchema = zCalendarBlock;
export type TUnblockRequest = z.input<typeof ZUnblockRequestSchema>;
export type TUnblockResponse = z.output<typeof ZUnblockResponseSchema>;

export const unblockMeta = { summary: "Remove a block, freeing its nights" } satisfies TrpcMeta;
