import { zCreateBookingInput, zCreatedBooking } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZCreateBookingRequestSchema = zCreateBookingInput;
export const ZCreateBookingResponseSchema = zCreatedBooking;
export type TCreateBookingRequest = z.input<typeof ZCreateBookingRequestSchema>;
export type TCreateBookingResponse = z.output<typeof ZCreateBookingResponseSchema>;

export const createBookingMeta = {
  summary: "Book a quoted stay: its dates are held while the guest pays",
} satisfies TrpcMeta;
