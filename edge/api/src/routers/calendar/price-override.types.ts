import { zCalendarDate, zPriceOverrideInput } from "@hometrip/contracts";
import * as z from "zod";

export const ZSetPriceOverrideRequestSchema = zPriceOverrideInput;
export const ZSetPriceOverrideResponseSchema = z.object({ date: zCalendarDate, price: z.int() });

export const ZClearPriceOverrideRequestSchema = z.object({ listingId: z.uuid(), date: zCalendarDate });
export const ZClearPriceOverrideResponseSchema = z.object({ removed: z.boolean() });
