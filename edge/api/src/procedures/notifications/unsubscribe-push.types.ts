import { zPushEndpoint } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZUnsubscribePushRequestSchema = z.object({ endpoint: zPushEndpoint });
export const ZUnsubscribePushResponseSchema = z.object({ removed: z.boolean() });
export type TUnsubscribePushRequest = z.input<typeof ZUnsubscribePushRequestSchema>;
export type TUnsubscribePushResponse = z.output<typeof ZUnsubscribePushResponseSchema>;

export const unsubscribePushMeta = { summary: "Stop push to this browser" } satisfies TrpcMeta;
