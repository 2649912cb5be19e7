import { zCalendarDate, zPriceOverrideInput } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZSetPriceOverrideRequestSchema = zPriceOverrideInput;
export const ZSetPriceOverrideResponseSchema = z.object({ date: zCalendarDate, price: z.int() });
export type TSetPriceOverrideRequest = z.input<typeof ZSetPriceOverrideRequestSchema>;
export type TSetPriceOverrideResponse = z.output<typeof ZSetPriceOverrideResponseSchema>;

export const setPriceOverrideMeta = { summary: "Price one night" } satisfies TrpcMeta;
