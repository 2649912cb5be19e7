import { zPushSubscription } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZSubscribePushRequestSchema = zPushSubscription;
export const ZSubscribePushResponseSchema = z.object({ subscribed: z.literal(true) });
export type TSubscribePushRequest = z.input<typeof ZSubscribePushRequestSchema>;
export type TSubscribePushResponse = z.output<typeof ZSubscribePushResponseSchema>;

export const subscribePushMeta = {
  summary: "Register this browser's push subscription for the member",
} satisfies TrpcMeta;
