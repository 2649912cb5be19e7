import { zBookingReasonInput, zBookingView } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZDeclineBookingRequestSchema = zBookingReasonInput;
export const ZDeclineBookingResponseSchema = zBookingView;
export type TDeclineBookingRequest = z.input<typeof ZDeclineBookingRequestSchema>;
export type TDeclineBookingResponse = z.output<typeof ZDeclineBookingResponseSchema>;

export const declineBookingMeta = { summary: "Decline a request to book (the host)" } satisfies TrpcMeta;
