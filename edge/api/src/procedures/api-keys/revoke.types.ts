import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZRevokeApiKeyRequestSchema = z.object({ id: z.uuid() });
export const ZRevokeApiKeyResponseSchema = z.object({ revoked: z.literal(true) });
export type TRevokeApiKeyRequest = z.input<typeof ZRevokeApiKeyRequestSchema>;
export type TRevokeApiKeyResponse = z.output<typeof ZRevokeApiKeyResponseSchema>;

export const revokeApiKeyMeta = { summary: "Revoke one of the member's API keys at once" } satisfies TrpcMeta;
