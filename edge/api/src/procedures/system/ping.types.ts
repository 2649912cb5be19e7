import { zText } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZPingRequestSchema = z.object({
  note: zText({ min: 1, max: 280 }),
});

export const ZPingResponseSchema = z.object({ eventId: z.uuid() });
export type TPingRequest = z.input<typeof ZPingRequestSchema>;
export type TPingResponse = z.output<typeof ZPingResponseSchema>;

export const pingMeta = {
  summary: "Send one event through the whole pipeline (operators)",
} satisfies TrpcMeta;
