import { zPriceOverridesInput } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZSetPriceOverridesRequestSchema = zPriceOverridesInput;
export const ZSetPriceOverridesResponseSchema = z.object({ nights: z.int() });
export type TSetPriceOverridesRequest = z.input<typeof ZSetPriceOverridesRequestSchema>;
export type TSetPriceOverridesResponse = z.output<typeof ZSetPriceOverridesResponseSchema>;

export const setPriceOverridesMeta = { summary: "Price every night of a range" } satisfies TrpcMeta;
