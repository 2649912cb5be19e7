import { zClearPriceOverridesInput, zPriceOverridesInput } from "@hometrip/contracts";
import * as z from "zod";

export const ZSetPriceOverridesRequestSchema = zPriceOverridesInput;
export const ZSetPriceOverridesResponseSchema = z.object({ nights: z.int() });

export const ZClearPriceOverridesRequestSchema = zClearPriceOverridesInput;
export const ZClearPriceOverridesResponseSchema = z.object({ removed: z.int() });
