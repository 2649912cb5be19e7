import { zStayQuote, zStayQuoteInput } from "@hometrip/contracts";
import type * as z from "zod";
import { partnerMeta } from "../../partner-api/expose.ts";
import type { TrpcMeta } from "../../trpc.ts";

export const ZQuoteStayRequestSchema = zStayQuoteInput;
export const ZQuoteStayResponseSchema = zStayQuote;
export type TQuoteStayRequest = z.input<typeof ZQuoteStayRequestSchema>;
export type TQuoteStayResponse = z.output<typeof ZQuoteStayResponseSchema>;

export const quoteStayMeta = partnerMeta(
  { summary: "The price of a stay and whether it can be booked" },
  { method: "GET", path: "/v1/listings/{listingId}/quote", tag: "listings", authRequired: false },
) satisfies TrpcMeta;
