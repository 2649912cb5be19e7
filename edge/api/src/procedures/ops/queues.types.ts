import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZQueuesRequestSchema = z.void();

/** Each source is read on its own: one being down is shown as `unavailable`, not a failed panel. */
const part = <T extends z.ZodType>(shape: T) =>
  z.discriminatedUnion("status", [
    z.object({ status: z.literal("ok"), data: shape }),
    z.object({ status: z.literal("unavailable"), reason: z.string() }),
    z.object({ status: z.literal("not_configured") }),
  ]);

export const ZQueuesResponseSchema = z.object({
  outbox: part(
    z.object({
      unpublished: z.number().int(),
      failedRelays: z.number().int(),
      oldestUnpublishedAt: z.iso.datetime().nullable(),
    }),
  ),
  deadLetters: part(
    z.object({
      count: z.number().int(),
      more: z.boolean(),
      byStatus: z.record(z.string(), z.number().int()),
      oldestAt: z.iso.datetime().nullable(),
      newest: z.array(
        z.object({
          dlqId: z.string(),
          url: z.string(),
          responseStatus: z.number().int().nullable(),
          at: z.iso.datetime(),
        }),
      ),
    }),
  ),
  workers: part(
    z.array(
      z.object({
        eventType: z.string(),
        processed: z.number(),
        duplicate: z.number(),
        failed: z.number(),
        rejected: z.number(),
        redelivered: z.number(),
        meanMs: z.number().nullable(),
      }),
    ),
  ),
});
export type TQueuesRequest = z.input<typeof ZQueuesRequestSchema>;
export type TQueuesResponse = z.output<typeof ZQueuesResponseSchema>;

export const queuesMeta = {
  summary: "Outbox backlog, QStash dead letters and worker handler outcomes (admins)",
} satisfies TrpcMeta;
