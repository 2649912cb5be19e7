import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

const ZPayoutLineSchema = z.object({
  bookingId: z.uuid(),
  listingTitle: z.string(),
  checkIn: z.string(),
  checkOut: z.string(),
  /** Minor units. */
  amount: z.number().int(),
  currency: z.string().length(3),
  status: z.enum(["scheduled", "in_transit", "paid", "failed", "cancelled"]),
  releaseAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
});

export const ZListPayoutsResponseSchema = z.object({
  upcoming: z.array(ZPayoutLineSchema),
  past: z.array(ZPayoutLineSchema),
});
export type TListPayoutsResponse = z.output<typeof ZListPayoutsResponseSchema>;

export const listPayoutsMeta = { summary: "The host's upcoming and past payouts" } satisfies TrpcMeta;
