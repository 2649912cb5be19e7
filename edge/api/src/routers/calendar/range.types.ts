import { zCalendarRange, zCalendarRangeInput, zListingAvailability } from "@hometrip/contracts";
import * as z from "zod";

export const ZCalendarRangeRequestSchema = zCalendarRangeInput;
export const ZCalendarRangeResponseSchema = zCalendarRange;

export const ZAvailabilityRequestSchema = z.object({ listingId: z.uuid() });
export const ZAvailabilityResponseSchema = zListingAvailability;
