import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZOAuthProvidersRequestSchema = z.void();

/** The sign-in buttons to show; sign-in itself is GET /auth/oauth/:id/start?redirectTo=/path. */
export const ZOAuthProvidersResponseSchema = z.array(
  z.object({ id: z.enum(["google", "github"]), name: z.string() }),
);
export type TOAuthProvidersRequest = z.input<typeof ZOAuthProvidersRequestSchema>;
export type TOAuthProvidersResponse = z.output<typeof ZOAuthProvidersResponseSchema>;

export const oAuthProvidersMeta = { summary: "The OAuth providers sign-in offers" } satisfies TrpcMeta;
