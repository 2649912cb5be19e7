import { zBookingIdInput, zBookingView } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZWithdrawBookingRequestSchema = zBookingIdInput;
export const ZWithdrawBookingResponseSchema = zBookingView;
export type TWithdrawBookingRequest = z.input<typeof ZWithdrawBookingRequestSchema>;
export type TWithdrawBookingResponse = z.output<typeof ZWithdrawBookingResponseSchema>;

export const withdrawBookingMeta = {
  summary: "Withdraw a request to book before the host answers (the guest)",
} satisfies TrpcMeta;
