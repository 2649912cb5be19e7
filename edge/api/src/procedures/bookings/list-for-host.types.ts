import { zBookingList, zHostReservationsInput } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZListHostReservationsRequestSchema = zHostReservationsInput;
export const ZListHostReservationsResponseSchema = zBookingList;
export type TListHostReservationsRequest = z.input<typeof ZListHostReservationsRequestSchema>;
export type TListHostReservationsResponse = z.output<typeof ZListHostReservationsResponseSchema>;

export const listHostReservationsMeta = {
  summary: "The host's reservations: open requests, upcoming or past stays",
} satisfies TrpcMeta;
