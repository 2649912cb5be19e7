import { zBookingList, zGuestTripsInput } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZListGuestTripsRequestSchema = zGuestTripsInput;
export const ZListGuestTripsResponseSchema = zBookingList;
export type TListGuestTripsRequest = z.input<typeof ZListGuestTripsRequestSchema>;
export type TListGuestTripsResponse = z.output<typeof ZListGuestTripsResponseSchema>;

export const listGuestTripsMeta = {
  summary: "The signed-in guest's trips: upcoming, past or cancelled",
} satisfies TrpcMeta;
