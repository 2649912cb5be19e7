import * as z from "zod";

export const ZRevokeApiKeyRequestSchema = z.object({ id: z.uuid() });
export const ZRevokeApiKeyResponseSchema = z.object({ revoked: z.literal(true) });
