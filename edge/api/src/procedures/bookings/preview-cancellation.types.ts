import { zBookingIdInput, zCancellationPreview } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZPreviewCancellationRequestSchema = zBookingIdInput;
export const ZPreviewCancellationResponseSchema = zCancellationPreview;
export type TPreviewCancellationRequest = z.input<typeof ZPreviewCancellationRequestSchema>;
export type TPreviewCancellationResponse = z.output<typeof ZPreviewCancellationResponseSchema>;

export const previewCancellationMeta = {
  summary: "What cancelling this booking now would refund",
} satisfies TrpcMeta;
