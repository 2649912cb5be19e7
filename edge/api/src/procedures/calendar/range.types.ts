import { zCalendarRange, zCalendarRangeInput } from "@hometrip/contracts";
import type * as z from "zod";
import { partnerMeta } from "../../partner-api/expose.ts";
import type { TrpcMeta } from "../../trpc.ts";

export const ZCalendarRangeRequestSchema = zCalendarRangeInput;
export const ZCalendarRangeResponseSchema = zCalendarRange;
export type TCalendarRangeRequest = z.input<typeof ZCalendarRangeRequestSchema>;
export type TCalendarRangeResponse = z.output<typeof ZCalendarRangeResponseSchema>;

export const rangeMeta = partnerMeta(
  { summary: "The host's calendar: every night with status and price", scope: "calendar:read" },
  { method: "GET", path: "/v1/me/listings/{listingId}/calendar", tag: "hosting", authRequired: true },
) satisfies TrpcMeta;
