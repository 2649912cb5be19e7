import { zBookingIdInput, zBookingView } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZGetBookingRequestSchema = zBookingIdInput;
export const ZGetBookingResponseSchema = zBookingView;
export type TGetBookingRequest = z.input<typeof ZGetBookingRequestSchema>;
export type TGetBookingResponse = z.output<typeof ZGetBookingResponseSchema>;

export const getBookingMeta = { summary: "A booking, to its guest or its host" } satisfies TrpcMeta;
