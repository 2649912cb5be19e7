import { zBookingIdInput, zBookingView } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZAcceptBookingRequestSchema = zBookingIdInput;
export const ZAcceptBookingResponseSchema = zBookingView;
export type TAcceptBookingRequest = z.input<typeof ZAcceptBookingRequestSchema>;
export type TAcceptBookingResponse = z.output<typeof ZAcceptBookingResponseSchema>;

export const acceptBookingMeta = {
  summary: "Accept a request to book (the host; payouts must be set up)",
} satisfies TrpcMeta;
