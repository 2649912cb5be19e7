import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZVapidPublicKeyResponseSchema = z.object({ publicKey: z.string().nullable() });
export type TVapidPublicKeyResponse = z.output<typeof ZVapidPublicKeyResponseSchema>;

export const vapidPublicKeyMeta = {
  summary: "The VAPID application server key browsers subscribe with (null: push is off)",
} satisfies TrpcMeta;
