import { zCalendarRange, zCalendarRangeInput } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZCalendarRangeRequestSchema = zCalendarRangeInput;
export const ZCalendarRangeResponseSchema = zCalendarRange;
export type TCalendarRangeRequest = z.input<typeof ZCalendarRangeRequestSchema>;
export type TCalendarRangeResponse = z.output<typeof ZCalendarRangeResponseSchema>;

export const rangeMeta = {
  summary: "The host's calendar: every night with status and price",
} satisfies TrpcMeta;
