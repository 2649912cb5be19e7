import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { ZPayoutStatusSchema } from "./shared.types.ts";

export const ZPayoutStatusResponseSchema = ZPayoutStatusSchema;
export type TPayoutStatusResponse = z.output<typeof ZPayoutStatusResponseSchema>;

export const payoutStatusMeta = { summary: "The host's payout setup status" } satisfies TrpcMeta;
