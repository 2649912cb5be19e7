import { zClearPriceOverridesInput } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZClearPriceOverridesRequestSchema = zClearPriceOverridesInput;
export const ZClearPriceOverridesResponseSchema = z.object({ removed: z.int() });
export type TClearPriceOverridesRequest = z.input<typeof ZClearPriceOverridesRequestSchema>;
export type TClearPriceOverridesResponse = z.output<typeof ZClearPriceOverridesResponseSchema>;

export const clearPriceOverridesMeta = {
  summary: "Clear the prices of a range of nights",
} satisfies TrpcMeta;
