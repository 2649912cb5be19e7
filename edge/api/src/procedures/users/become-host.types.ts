import * as z from "zod";

export const ZBecomeHostResponseSchema = z.object({
  isHost: z.literal(true),
  /** False when the caller already was a host (the call is idempotent). */
  created: z.boolean(),
});
