import { getNotificationPreferences } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import { getPreferencesMeta, ZGetPreferencesResponseSchema } from "./get-preferences.types.ts";

export const getPreferencesProcedure = sessionProcedure
  .meta(getPreferencesMeta)
  .output(ZGetPreferencesResponseSchema)
  .query(({ ctx }) => getNotificationPreferences(ctx.services.db, ctx.actor.userId));
