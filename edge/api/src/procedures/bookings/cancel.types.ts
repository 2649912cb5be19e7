import { zBookingReasonInput, zBookingView, zCancellationPreview } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZCancelBookingRequestSchema = zBookingReasonInput;
export const ZCancelBookingResponseSchema = z.object({ booking: zBookingView, refund: zCancellationPreview });
export type TCancelBookingRequest = z.input<typeof ZCancelBookingRequestSchema>;
export type TCancelBookingResponse = z.output<typeof ZCancelBookingResponseSchema>;

export const cancelBookingMeta = {
  summary: "Cancel a confirmed booking (guest by the policy, host in full); refunds what the preview showed",
} satisfies TrpcMeta;
