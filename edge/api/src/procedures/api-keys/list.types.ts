import * as z from "zod";

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
