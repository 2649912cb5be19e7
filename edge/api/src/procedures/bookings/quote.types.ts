import { zBookingQuote, zBookingQuoteInput } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZQuoteBookingRequestSchema = zBookingQuoteInput;
export const ZQuoteBookingResponseSchema = zBookingQuote;
export type TQuoteBookingRequest = z.input<typeof ZQuoteBookingRequestSchema>;
export type TQuoteBookingResponse = z.output<typeof ZQuoteBookingResponseSchema>;

export const quoteBookingMeta = {
  summary: "The full price of a stay with a signed quote to book it with (15 minutes)",
} satisfies TrpcMeta;
