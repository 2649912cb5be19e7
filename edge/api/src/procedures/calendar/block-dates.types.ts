import { zBlockDatesInput, zCalendarBlock } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZBlockDatesRequestSchema = zBlockDatesInput;
export const ZBlockDatesResponseSchema = zCalendarBlock;
export type TBlockDatesRequest = z.input<typeof ZBlockDatesRequestSchema>;
export type TBlockDatesResponse = z.output<typeof ZBlockDatesResponseSchema>;

export const blockDatesMeta = { summary: "Close a range of nights by hand" } satisfies TrpcMeta;
