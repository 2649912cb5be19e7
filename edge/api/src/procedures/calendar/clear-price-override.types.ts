import { zCalendarDate } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZClearPriceOverrideRequestSchema = z.object({ listingId: z.uuid(), date: zCalendarDate });
export const ZClearPriceOverrideResponseSchema = z.object({ removed: z.boolean() });
export type TClearPriceOverrideRequest = z.input<typeof ZClearPriceOverrideRequestSchema>;
export type TClearPriceOverrideResponse = z.output<typeof ZClearPriceOverrideResponseSchema>;

export const clearPriceOverrideMeta = { summary: "Clear one night's price" } satisfies TrpcMeta;
