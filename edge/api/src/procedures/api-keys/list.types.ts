import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZApiKeySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** `htk_xxxxxxxx`: enough to recognise a key, useless to call with. */
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});

export const ZListApiKeysResponseSchema = z.array(ZApiKeySummarySchema);
export type TListApiKeysResponse = z.output<typeof ZListApiKeysResponseSchema>;

export const listApiKeysMeta = { summary: "The member's API keys, without their secrets" } satisfies TrpcMeta;
