import { zText } from "@hometrip/contracts";
import { apiKeyScopes } from "@hometrip/core";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const zApiKeyScope = z.enum(apiKeyScopes);

export const ZCreateApiKeyRequestSchema = z.object({
  name: zText({ min: 1, max: 64 }),
  scopes: z
    .array(zApiKeyScope)
    .min(1, { message: "choose at least one scope" })
    .max(apiKeyScopes.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, { message: "must not repeat a scope" }),
  /** Keys live until revoked unless given a lifetime. */
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

export const ZCreateApiKeyResponseSchema = z.object({
  id: z.uuid(),
  /** The whole key, shown this once: only a hash is kept. */
  key: z.string().startsWith("htk_"),
  prefix: z.string(),
});
export type TCreateApiKeyRequest = z.input<typeof ZCreateApiKeyRequestSchema>;
export type TCreateApiKeyResponse = z.output<typeof ZCreateApiKeyResponseSchema>;

export const createApiKeyMeta = {
  summary: "Create a partner API key; the key is shown once",
} satisfies TrpcMeta;
