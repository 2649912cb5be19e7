import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZBecomeHostResponseSchema = z.object({
  isHost: z.literal(true),
  /** False when the caller already was a host (the call is idempotent). */
  created: z.boolean(),
});
export type TBecomeHostResponse = z.output<typeof ZBecomeHostResponseSchema>;

export const becomeHostMeta = { summary: "Become a host" } satisfies TrpcMeta;
