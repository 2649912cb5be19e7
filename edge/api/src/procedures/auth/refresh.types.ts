import { zText } from "@hometrip/contracts";
import * as z from "zod";
import { ZIssuedTokensSchema, zTokenDelivery } from "../../auth/token-delivery.ts";
import type { TrpcMeta } from "../../trpc.ts";

/** Browsers send nothing (the `ht_refresh` cookie comes along); other clients send the token. */
export const ZRefreshRequestSchema = z
  .object({
    refreshToken: zText({ min: 1, max: 512, trim: false }).optional(),
    tokenDelivery: zTokenDelivery,
  })
  .optional();

export const ZRefreshResponseSchema = z.object({
  status: z.literal("refreshed"),
  /** When the new access token expires (ISO 8601). */
  expiresAt: z.iso.datetime(),
  tokens: ZIssuedTokensSchema.optional(),
});
export type TRefreshRequest = z.input<typeof ZRefreshRequestSchema>;
export type TRefreshResponse = z.output<typeof ZRefreshResponseSchema>;

export const refreshMeta = { summary: "Rotate the refresh token for a new access token" } satisfies TrpcMeta;
