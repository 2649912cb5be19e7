import * as z from "zod";

export const ZOAuthProvidersRequestSchema = z.void();

/** The sign-in buttons to show; sign-in itself is GET /auth/oauth/:id/start?redirectTo=/path. */
export const ZOAuthProvidersResponseSchema = z.array(
  z.object({ id: z.enum(["google", "github"]), name: z.string() }),
);
