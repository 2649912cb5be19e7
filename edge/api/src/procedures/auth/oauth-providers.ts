import { configuredOAuthProviders } from "@hometrip/core";
import { publicProcedure } from "../../trpc.ts";
import {
  oAuthProvidersMeta,
  ZOAuthProvidersRequestSchema,
  ZOAuthProvidersResponseSchema,
} from "./oauth-providers.types.ts";

export const oauthProvidersProcedure = publicProcedure
  .meta(oAuthProvidersMeta)
  .input(ZOAuthProvidersRequestSchema)
  .output(ZOAuthProvidersResponseSchema)
  .query(({ ctx }) => configuredOAuthProviders(ctx.services.config).map(({ id, name }) => ({ id, name })));
